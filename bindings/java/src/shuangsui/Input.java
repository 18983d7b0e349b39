package shuangsui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

/**
 * One input file of a request (计划 the plan, 检查对象名录 the directory of targets, 执法检查人员名录
 * the roster of officers, a record, an announcement…): its text, or its bytes with a name.
 *
 * <p>The library does no file I/O: a file travels inside the request. A text goes as it is; a
 * workbook ({@code .xlsx}) or an export in GBK / GB18030 goes as bytes, and its name picks the
 * format as a file name does ({@code 名录.xlsx}, {@code targets.tsv}). {@link #format}, {@link
 * #encoding} and {@link #sheet} say how to read it when the name does not.
 *
 * <pre>{@code
 * Input targets = Input.file(Paths.get("名录.xlsx")).sheet("企业");
 * Input officers = Input.bytes("officers.csv", gbkBytes).encoding("gbk");
 * }</pre>
 *
 * <p>An {@code Input} is immutable: the methods that set an option return a new one.
 */
public final class Input {
    private final String name;
    private final String text;
    private final byte[] bytes;
    private final String format;
    private final String encoding;
    private final String sheet;

    private Input(
            String name, String text, byte[] bytes, String format, String encoding, String sheet) {
        this.name = name;
        this.text = text;
        this.bytes = bytes;
        this.format = format;
        this.encoding = encoding;
        this.sheet = sheet;
    }

    /**
     * A file's text. Its name is the member's usual one ({@code plan.toml}, {@code
     * targets.csv}, {@code officers.csv}, {@code record.json}), which error locations show.
     *
     * @param text the file's content
     * @return the input
     */
    public static Input text(String text) {
        return new Input(null, Objects.requireNonNull(text, "text"), null, null, null, null);
    }

    /**
     * A file's text with its name, which error locations show and whose extension picks the
     * format ({@code .csv}, {@code .tsv}, {@code .json}, {@code .jsonl}, {@code .toml}).
     *
     * @param name the file's name, e.g. {@code 名录.csv}
     * @param text the file's content
     * @return the input
     */
    public static Input text(String name, String text) {
        return new Input(name, Objects.requireNonNull(text, "text"), null, null, null, null);
    }

    /**
     * A file's bytes with its name: a workbook ({@code 名录.xlsx}), or a table in GBK or GB18030
     * (say so with {@link #encoding} when the library should not detect it). The bytes are
     * copied.
     *
     * @param name the file's name, whose extension picks the format
     * @param bytes the file's content
     * @return the input
     */
    public static Input bytes(String name, byte[] bytes) {
        return new Input(name, null, Objects.requireNonNull(bytes, "bytes").clone(), null, null, null);
    }

    /**
     * A file read from disk, as bytes, named by its file name.
     *
     * @param path the file
     * @return the input
     * @throws IOException when the file cannot be read
     */
    public static Input file(Path path) throws IOException {
        Path fileName = path.getFileName();
        String name = fileName == null ? path.toString() : fileName.toString();
        return new Input(name, null, Files.readAllBytes(path), null, null, null);
    }

    /**
     * The same file read as another format: {@code csv}, {@code tsv}, {@code json}, {@code
     * jsonl} or {@code xlsx}.
     *
     * @param format the format's name
     * @return a new input
     */
    public Input format(String format) {
        return new Input(name, text, bytes, format, encoding, sheet);
    }

    /**
     * The same file read in an encoding: {@code utf-8}, {@code gbk} or {@code gb18030}.
     *
     * @param encoding the encoding's name
     * @return a new input
     */
    public Input encoding(String encoding) {
        return new Input(name, text, bytes, format, encoding, sheet);
    }

    /**
     * The same workbook read from a named worksheet (工作表).
     *
     * @param sheet the worksheet's name
     * @return a new input
     */
    public Input sheet(String sheet) {
        return new Input(name, text, bytes, format, encoding, sheet);
    }

    /** The member's value in a request: a JSON string, or {name, text | base64, …}. */
    void appendJson(StringBuilder out) {
        if (name == null && bytes == null && format == null && encoding == null && sheet == null) {
            Json.quote(out, text);
            return;
        }
        out.append('{');
        boolean first = true;
        first = member(out, first, "name", name);
        if (bytes != null) {
            first = member(out, first, "base64", Base64.getEncoder().encodeToString(bytes));
        } else {
            first = member(out, first, "text", text);
        }
        first = member(out, first, "format", format);
        first = member(out, first, "encoding", encoding);
        member(out, first, "sheet", sheet);
        out.append('}');
    }

    private static boolean member(StringBuilder out, boolean first, String key, String value) {
        if (value == null) {
            return first;
        }
        if (!first) {
            out.append(',');
        }
        Json.quote(out, key);
        out.append(':');
        Json.quote(out, value);
        return false;
    }

    /**
     * For logs: the file's name, never its content.
     *
     * @return {@code Input(名录.xlsx)}, or {@code Input(text)} for a text given without a name
     */
    @Override
    public String toString() {
        return name == null ? "Input(text)" : "Input(" + name + ")";
    }
}
