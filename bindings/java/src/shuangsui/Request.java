package shuangsui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request: the JSON object of members that an operation reads (its files and options),
 * written for you so that no JSON library is needed.
 *
 * <pre>{@code
 * Request request = Request.inputs(plan, targets, officers)
 *         .put("history", Input.file(Paths.get("history.csv")))
 *         .put("id_check", "warn")
 *         .put("seed", "2027-01-15 公开摇号");
 * Draw draw = Shuangsui.draw(request);
 * }</pre>
 *
 * <p>The members of each operation are those of the library's JSON interface ({@code
 * shuangsui::api}): the inputs {@code plan}, {@code targets}, {@code officers} and the optional
 * {@code history}, {@code conflicts}, {@code earlier} (earlier batches' records), {@code
 * id_check} ({@code strict}, {@code warn}), {@code id_allowlist}, {@code raw_digest}; then
 * {@code seed}, or {@code announcement} with {@code beacon}, {@code reveals}, {@code
 * timestamp}, {@code tsa_cert}, {@code replaced} for a draw; {@code record} for {@code verify},
 * {@code amend} and {@code notice}. A member the operation does not know is refused (an error
 * of kind {@code request} naming it), never ignored: a misspelt option must not change a draw
 * silently.
 *
 * <p>Putting a member again replaces it; putting {@code null} removes it. A request is a
 * builder: not for several threads at once.
 */
public final class Request {
    private final Map<String, String> members = new LinkedHashMap<>();

    /** An empty request. */
    public Request() {}

    /**
     * A request with the three inputs of a draw, each the file's text.
     *
     * @param plan the plan (计划), TOML
     * @param targets the directory of targets (检查对象名录)
     * @param officers the roster of officers (执法检查人员名录)
     * @return the request
     */
    public static Request inputs(String plan, String targets, String officers) {
        return new Request().put("plan", plan).put("targets", targets).put("officers", officers);
    }

    /**
     * A request with the three inputs of a draw.
     *
     * @param plan the plan (计划)
     * @param targets the directory of targets (检查对象名录)
     * @param officers the roster of officers (执法检查人员名录)
     * @return the request
     */
    public static Request inputs(Input plan, Input targets, Input officers) {
        return new Request().put("plan", plan).put("targets", targets).put("officers", officers);
    }

    /**
     * Sets a string member: an option, a seed, or a file given as its text.
     *
     * @param name the member
     * @param value its value; {@code null} removes the member
     * @return this request
     */
    public Request put(String name, String value) {
        return raw(name, value == null ? null : Json.quote(value));
    }

    /**
     * Sets a boolean member ({@code raw_digest}).
     *
     * @param name the member
     * @param value its value
     * @return this request
     */
    public Request put(String name, boolean value) {
        return raw(name, value ? "true" : "false");
    }

    /**
     * Sets a file member.
     *
     * @param name the member
     * @param file the file; {@code null} removes the member
     * @return this request
     */
    public Request put(String name, Input file) {
        if (file == null) {
            return raw(name, null);
        }
        StringBuilder out = new StringBuilder();
        file.appendJson(out);
        return raw(name, out.toString());
    }

    /**
     * Sets an object member: {@code amendment}, or {@code reveals} (each participant's name to
     * the secret they reveal).
     *
     * @param name the member
     * @param object the object's members; {@code null} removes the member
     * @return this request
     */
    public Request put(String name, Request object) {
        return raw(name, object == null ? null : object.toJson());
    }

    /**
     * Sets an array of strings ({@code id_allowlist}).
     *
     * @param name the member
     * @param values the strings
     * @return this request
     */
    public Request putStrings(String name, List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            Json.quote(out, Objects.requireNonNull(value, name));
        }
        return raw(name, out.append(']').toString());
    }

    /**
     * Sets an array of files ({@code earlier}: the records of earlier batches; {@code
     * replaced}: replaced announcements).
     *
     * @param name the member
     * @param files the files
     * @return this request
     */
    public Request putFiles(String name, List<Input> files) {
        StringBuilder out = new StringBuilder("[");
        for (Input file : files) {
            if (out.length() > 1) {
                out.append(',');
            }
            Objects.requireNonNull(file, name).appendJson(out);
        }
        return raw(name, out.append(']').toString());
    }

    /**
     * Sets an array of files.
     *
     * @param name the member
     * @param files the files
     * @return this request
     */
    public Request putFiles(String name, Input... files) {
        return putFiles(name, Arrays.asList(files));
    }

    /**
     * Sets a member to a JSON text, as it is: for what the methods above do not write. The
     * library refuses a request that is not JSON.
     *
     * @param name the member
     * @param json the value's JSON text; {@code null} removes the member
     * @return this request
     */
    public Request putJson(String name, String json) {
        return raw(name, json);
    }

    private Request raw(String name, String json) {
        Objects.requireNonNull(name, "name");
        if (json == null) {
            members.remove(name);
        } else {
            members.put(name, json);
        }
        return this;
    }

    /**
     * The request as the library reads it.
     *
     * @return a JSON object, its members in the order they were first put
     */
    public String toJson() {
        int size = 2;
        for (Map.Entry<String, String> member : members.entrySet()) {
            size += member.getKey().length() + member.getValue().length() + 4;
        }
        StringBuilder out = new StringBuilder(size);
        out.append('{');
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            Json.quote(out, member.getKey());
            out.append(':').append(member.getValue());
        }
        return out.append('}').toString();
    }

    /**
     * The request's JSON, as {@link #toJson}.
     *
     * @return the JSON object
     */
    @Override
    public String toString() {
        return toJson();
    }
}
