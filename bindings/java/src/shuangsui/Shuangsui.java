package shuangsui;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifiable 双随机、一公开 draws from Java: draw (抽取) random inspection targets (检查对象) and
 * officers (执法检查人员) that anyone can re-run, verify (核验) a published record, amend it,
 * and render its notice (公示).
 *
 * <p>Every method is the library's JSON interface ({@code shuangsui::api}) through JNI: an
 * operation and a request (its files and options), answered by the same code as the {@code
 * shuangsui} command-line tool, so that a record drawn here is the CLI's byte for byte and the
 * CLI verifies it.
 *
 * <pre>{@code
 * String record = Shuangsui.draw(plan, targets, officers, "2027-01-15 公开摇号");
 * Verification v = Shuangsui.verify(record, plan, targets, officers);
 * if (!v.isOk()) System.out.println(v.getDifferences());
 * }</pre>
 *
 * <p><b>Errors.</b> A request the library cannot answer throws {@link ShuangsuiException}, a
 * checked exception with the error's stable kind, its location and the library's message in
 * Chinese and English. A record that does not reproduce is not an error: {@link #verify} returns
 * a {@link Verification} whose {@link Verification#isOk} is false.
 *
 * <p><b>Files.</b> A {@code String} argument is a file's text. For a workbook or a GBK export,
 * pass an {@link Input} with the bytes and a name. A {@code null} file is a missing member: the
 * library says which (kind {@code request}).
 *
 * <p><b>Threads.</b> No state is kept between calls; calls may run on several threads at once.
 * A draw reads the directory on a pool of native worker threads, started on first use and
 * kept.
 *
 * <p><b>The native library</b> is loaded on the first call: from the system property {@code
 * shuangsui.library.path} (its full path) when set, else from the jar, else from {@code
 * java.library.path} ({@code System.loadLibrary("shuangsui_jni")}).
 */
public final class Shuangsui {
    private Shuangsui() {}

    /**
     * The library's version and the spec version it implements.
     *
     * @return e.g. {@code 0.1.0 spec 2}
     */
    public static String version() {
        return Native.version0();
    }

    /**
     * Runs an operation of the library's JSON interface: {@code check}, {@code draw}, {@code
     * verify}, {@code digest}, {@code amend} or {@code notice}, with every member the interface
     * takes (history, conflicts, earlier batches, an announced ceremony's beacon and reveals…).
     * The crate's documentation of {@code shuangsui::api} lists each request and answer; read
     * an answer's members with {@link #select}.
     *
     * @param operation the operation's name
     * @param requestJson the request, a JSON object
     * @return the answer's JSON text; for {@code verify}, also when the record does not
     *     reproduce (its {@code "ok"} is then false)
     * @throws ShuangsuiException when the library answers an error
     */
    public static String call(String operation, String requestJson) throws ShuangsuiException {
        return run(operation, requestJson)[0][1];
    }

    /**
     * {@link #call(String, String)} with a {@link Request}.
     *
     * @param operation the operation's name
     * @param request the request
     * @return the answer's JSON text
     * @throws ShuangsuiException when the library answers an error
     */
    public static String call(String operation, Request request) throws ShuangsuiException {
        return call(operation, request.toJson());
    }

    /**
     * Reads an answer without a JSON library: the values a JSON pointer (RFC 6901) reaches, in
     * which a segment {@code *} stands for every element of an array. A string gives its text,
     * a number or boolean its JSON text, an array or object its JSON; null and a missing member
     * give nothing.
     *
     * <pre>
     * String answer = Shuangsui.check(plan, targets, officers);
     * List&lt;String&gt; frames = Shuangsui.select(answer, "/tasks/&#42;/frame");
     * </pre>
     *
     * @param json a JSON text (an answer)
     * @param pointer the pointer, e.g. <code>/digest</code> or <code>/warnings/&#42;/message/zh</code>
     * @return the values reached, in document order; empty when the text is not JSON
     */
    public static List<String> select(String json, String pointer) {
        String[][] picked =
                Native.select0(Objects.requireNonNull(json, "json"), new String[] {
                    Objects.requireNonNull(pointer, "pointer")
                });
        return Collections.unmodifiableList(Arrays.asList(picked[0]));
    }

    /**
     * What a draw would do, short of drawing: each task's frame, exclusions, count and eligible
     * officers, the inputs' digests and the warnings.
     *
     * @param plan the plan (计划), TOML text
     * @param targets the directory of targets (检查对象名录), CSV text
     * @param officers the roster of officers (执法检查人员名录), CSV text
     * @return the answer's JSON text: {@code {"digests", "rows", "tasks": [{"id", "frame",
     *     "excluded", "count", "eligible_officers", "strata"}], "ineligible_officers",
     *     "warnings"}}
     * @throws ShuangsuiException when an input cannot be read or the plan cannot be drawn
     */
    public static String check(String plan, String targets, String officers)
            throws ShuangsuiException {
        return call("check", Request.inputs(plan, targets, officers));
    }

    /**
     * What a draw would do, with any inputs and options.
     *
     * @param request the inputs and options
     * @return the answer's JSON text, as {@link #check(String, String, String)}
     * @throws ShuangsuiException when an input cannot be read or the plan cannot be drawn
     */
    public static String check(Request request) throws ShuangsuiException {
        return call("check", request);
    }

    /**
     * Draws from a seed (随机种子) agreed in public.
     *
     * @param plan the plan (计划), TOML text
     * @param targets the directory of targets (检查对象名录), CSV text
     * @param officers the roster of officers (执法检查人员名录), CSV text
     * @param seed the seed, as {@code shuangsui draw --seed} takes it
     * @return the record (抽取记录): the JSON text {@code shuangsui draw --out record.json}
     *     writes for the same inputs and seed, byte for byte once written as UTF-8
     * @throws ShuangsuiException when an input cannot be read or the plan cannot be drawn
     */
    public static String draw(String plan, String targets, String officers, String seed)
            throws ShuangsuiException {
        return draw(Request.inputs(plan, targets, officers).put("seed", seed)).getRecord();
    }

    /**
     * Draws from a seed, with inputs given as files: a workbook or a GBK export as bytes.
     *
     * @param plan the plan (计划)
     * @param targets the directory of targets (检查对象名录)
     * @param officers the roster of officers (执法检查人员名录)
     * @param seed the seed
     * @return the record's JSON text, as {@link #draw(String, String, String, String)}
     * @throws ShuangsuiException when an input cannot be read or the plan cannot be drawn
     */
    public static String draw(Input plan, Input targets, Input officers, String seed)
            throws ShuangsuiException {
        return draw(Request.inputs(plan, targets, officers).put("seed", seed)).getRecord();
    }

    /**
     * Draws, with any inputs and options: a {@code seed}, or an announced ceremony's {@code
     * announcement}, {@code beacon}, {@code reveals} and {@code timestamp}; {@code history},
     * {@code conflicts}, {@code earlier}, {@code id_check}…
     *
     * @param request the inputs and options
     * @return the draw: its record, digest and warnings
     * @throws ShuangsuiException when an input cannot be read, the seed's attestation does not
     *     hold, or the plan cannot be drawn
     */
    public static Draw draw(Request request) throws ShuangsuiException {
        String[][] rows = run("draw", request.toJson(), Draw.SELECTORS);
        return new Draw(rows[0][1], rows);
    }

    /**
     * Verifies a record against its inputs: does it reproduce?
     *
     * @param record the record's JSON text
     * @param plan the plan, TOML text
     * @param targets the directory of targets, CSV text
     * @param officers the roster of officers, CSV text
     * @return the verification; a record that does not reproduce is a {@link Verification}
     *     whose {@link Verification#isOk} is false, not an exception
     * @throws ShuangsuiException when the record or an input cannot be read
     */
    public static Verification verify(String record, String plan, String targets, String officers)
            throws ShuangsuiException {
        return verify(Request.inputs(plan, targets, officers).put("record", record));
    }

    /**
     * Verifies a record against inputs given as files.
     *
     * @param record the record's JSON text
     * @param plan the plan
     * @param targets the directory of targets
     * @param officers the roster of officers
     * @return the verification
     * @throws ShuangsuiException when the record or an input cannot be read
     */
    public static Verification verify(String record, Input plan, Input targets, Input officers)
            throws ShuangsuiException {
        return verify(Request.inputs(plan, targets, officers).put("record", record));
    }

    /**
     * Verifies, with any inputs and options: {@code record}, the inputs, {@code tsa_cert}.
     *
     * @param request the record, its inputs and options
     * @return the verification
     * @throws ShuangsuiException when the record or an input cannot be read
     */
    public static Verification verify(Request request) throws ShuangsuiException {
        String[][] rows = run("verify", request.toJson(), Verification.SELECTORS);
        return new Verification(rows[0][1], rows);
    }

    /**
     * The canonical digests (SHA-256, hex) of a plan and, when given, its directory and roster,
     * as a record states them.
     *
     * @param plan the plan, TOML text
     * @param targets the directory of targets, or {@code null}
     * @param officers the roster of officers, or {@code null}
     * @return {@code plan}, {@code targets}, {@code officers} and {@code officer_names} (the
     *     digest of the officers' names, when the roster has them) to their digests, for those
     *     given
     * @throws ShuangsuiException when an input cannot be read
     */
    public static Map<String, String> digest(String plan, String targets, String officers)
            throws ShuangsuiException {
        return digest(Request.inputs(plan, targets, officers));
    }

    /**
     * The canonical digests of the inputs of a request ({@code plan}, and {@code targets},
     * {@code officers}).
     *
     * @param request the inputs
     * @return the members' names to their digests
     * @throws ShuangsuiException when an input cannot be read
     */
    public static Map<String, String> digest(Request request) throws ShuangsuiException {
        String[] names = {"plan", "targets", "officers", "officer_names"};
        String[] selectors = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            selectors[i] = "/" + names[i];
        }
        String[][] rows = run("digest", request.toJson(), selectors);
        Map<String, String> digests = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String digest = Json.first(rows[i + 1]);
            if (digest != null) {
                digests.put(names[i], digest);
            }
        }
        return Collections.unmodifiableMap(digests);
    }

    /**
     * Amends a record after the draw (变更): records a target unreachable, or replaces an officer
     * of a team. The record's digest stays; the amendment is chained after it.
     *
     * <pre>{@code
     * Request amendment = new Request()
     *         .put("change", "replace_officer")   // or "unreachable"
     *         .put("target", "91110000802100433B")
     *         .put("officer", "E7")
     *         .put("reason", "回避")
     *         .put("actor", "执法科")
     *         .put("at", "2027-01-20T09:30:00+08:00");
     * }</pre>
     *
     * @param record the record's JSON text
     * @param plan the plan, TOML text
     * @param targets the directory of targets, CSV text
     * @param officers the roster of officers, CSV text
     * @param amendment {@code {"target", "task", "actor", "at", "change", "officer", "reason",
     *     "note"}}
     * @return the amended record's JSON text
     * @throws ShuangsuiException when the record or an input cannot be read, or the amendment is
     *     refused
     */
    public static String amend(
            String record, String plan, String targets, String officers, Request amendment)
            throws ShuangsuiException {
        return amend(
                Request.inputs(plan, targets, officers)
                        .put("record", record)
                        .put("amendment", amendment));
    }

    /**
     * Amends a record, with any inputs and options.
     *
     * @param request {@code record}, the inputs and {@code amendment}
     * @return the amended record's JSON text (the answer's ledger: {@code call("amend", …)})
     * @throws ShuangsuiException when the record or an input cannot be read, or the amendment is
     *     refused
     */
    public static String amend(Request request) throws ShuangsuiException {
        return Json.first(run("amend", request.toJson(), "/record")[1]);
    }

    /**
     * The draw notice (抽查结果公示) of a record that verifies: who is inspected, by whom, under
     * which plan.
     *
     * @param record the record's JSON text
     * @param plan the plan, TOML text
     * @param targets the directory of targets, CSV text
     * @param officers the roster of officers, CSV text
     * @param format {@code html}, {@code markdown} or {@code csv}; {@code null} for HTML
     * @param lang {@code zh} or {@code en}; {@code null} for Chinese
     * @return the notice's text
     * @throws ShuangsuiException when an input cannot be read, or the record does not verify
     *     (kind {@code inputs_mismatch})
     */
    public static String notice(
            String record, String plan, String targets, String officers, String format, String lang)
            throws ShuangsuiException {
        return notice(
                Request.inputs(plan, targets, officers)
                        .put("record", record)
                        .put("format", format)
                        .put("lang", lang));
    }

    /**
     * The draw notice, with any inputs and options ({@code officers_shown}: {@code names},
     * {@code certificates}, {@code hidden}; {@code issued}: {@code YYYY-MM-DD}).
     *
     * @param request {@code record}, the inputs and options
     * @return the notice's text
     * @throws ShuangsuiException when an input cannot be read, or the record does not verify
     */
    public static String notice(Request request) throws ShuangsuiException {
        return Json.first(run("notice", request.toJson(), "/text")[1]);
    }

    /**
     * Calls the library: row 0 is {status, answer}, rows 1 on what the selectors picked; an
     * error answer is thrown.
     */
    private static String[][] run(String operation, String requestJson, String... selectors)
            throws ShuangsuiException {
        String[][] rows = Native.call0(operation, requestJson, selectors);
        if ("2".equals(rows[0][0])) {
            throw new ShuangsuiException(rows[0][1]);
        }
        return rows;
    }
}
