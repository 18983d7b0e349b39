package shuangsui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A request the library could not answer: an input it cannot read (a duplicate id in the
 * directory, a syntax error in the plan…), a draw it cannot make (too few officers), a request
 * it does not understand. Not a verification that fails to reproduce: {@link
 * Shuangsui#verify} answers that with a {@link Verification}.
 *
 * <p>For code: {@link #getKind} is stable ({@code duplicate_id}, {@code plan_syntax}, {@code
 * request}, … as the crate's {@code ErrorKind::as_str}); {@link #getSource}, {@link #getLine},
 * {@link #getColumn} and {@link #getSheet} say where. For people: {@link #getMessage} is the
 * library's message in Chinese, with the location ({@code targets.csv:3:1: …}), as a clerk
 * reads it; {@link #getMessage(Locale)} gives it in English for {@link Locale#ENGLISH}, for an
 * integrator's logs. The binding formats no message itself.
 *
 * <p>Kind {@code request} is a request the library does not understand (a member it does not
 * know, a file that is not base64, text with an unpaired surrogate); kind {@code internal} is a
 * bug of the library, caught before it reached the JVM.
 */
public class ShuangsuiException extends Exception {
    private static final long serialVersionUID = 1L;

    private static final String[] SELECTORS = {
        "/kind",
        "/message/zh",
        "/message/en",
        "/text/zh",
        "/text/en",
        "/hint/zh",
        "/hint/en",
        "/location/text",
        "/location/source",
        "/location/line",
        "/location/column",
        "/location/sheet",
        "/total",
        "/listed/*",
    };

    private final String json;
    private final String kind;
    private final String messageEn;
    private final String textZh;
    private final String textEn;
    private final String hintZh;
    private final String hintEn;
    private final String location;
    private final String source;
    private final Long line;
    private final Long column;
    private final String sheet;
    private final long total;
    private final String[] listed;

    /**
     * The exception for an error answer of the library's JSON interface, {@code {"kind",
     * "location", "message": {"zh", "en"}, "text", "hint", "listed", "total"}}.
     *
     * @param json the error's JSON text
     */
    public ShuangsuiException(String json) {
        this(json, Native.select0(json, SELECTORS));
    }

    private ShuangsuiException(String json, String[][] picked) {
        super(Json.first(picked[1]));
        this.json = json;
        this.kind = Json.first(picked[0]);
        this.messageEn = Json.first(picked[2]);
        this.textZh = Json.first(picked[3]);
        this.textEn = Json.first(picked[4]);
        this.hintZh = Json.first(picked[5]);
        this.hintEn = Json.first(picked[6]);
        this.location = Json.first(picked[7]);
        this.source = Json.first(picked[8]);
        this.line = number(Json.first(picked[9]));
        this.column = number(Json.first(picked[10]));
        this.sheet = Json.first(picked[11]);
        Long total = number(Json.first(picked[12]));
        this.total = total == null ? 0 : total;
        this.listed = picked[13];
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean english(Locale locale) {
        return locale != null && !"zh".equals(locale.getLanguage());
    }

    /**
     * The error's kind, stable across versions: {@code duplicate_id}, {@code plan_syntax},
     * {@code request}, {@code internal}, …
     *
     * @return the kind
     */
    public String getKind() {
        return kind;
    }

    /**
     * The message in Chinese, as a clerk reads it: the location, what is wrong, and the problems
     * it lists.
     *
     * @return the message (中文)
     */
    @Override
    public String getMessage() {
        return super.getMessage();
    }

    /**
     * The message in a language: English for any locale whose language is not Chinese.
     *
     * @param locale {@link Locale#CHINESE} (or {@code null}) for Chinese, {@link Locale#ENGLISH}
     *     for English
     * @return the message
     */
    public String getMessage(Locale locale) {
        return english(locale) ? messageEn : getMessage();
    }

    /**
     * The message in English, for logs.
     *
     * @return the message
     */
    public String getMessageEn() {
        return messageEn;
    }

    /**
     * What is wrong, without the location, in a language.
     *
     * @param locale the language, as in {@link #getMessage(Locale)}
     * @return the text
     */
    public String getText(Locale locale) {
        return english(locale) ? textEn : textZh;
    }

    /**
     * What to do about it, in Chinese; {@code null} when the library has no hint.
     *
     * @return the hint (提示)
     */
    public String getHint() {
        return hintZh;
    }

    /**
     * What to do about it, in a language; {@code null} when the library has no hint.
     *
     * @param locale the language, as in {@link #getMessage(Locale)}
     * @return the hint
     */
    public String getHint(Locale locale) {
        return english(locale) ? hintEn : hintZh;
    }

    /**
     * Where, as the message shows it: {@code targets.csv:3:1}, {@code 名录.xlsx:Sheet1!C12},
     * {@code request}; {@code null} when the error is not in one place.
     *
     * @return the location
     */
    public String getLocation() {
        return location;
    }

    /**
     * The input the error is in: its file name ({@code plan.toml}, {@code targets.csv}, the name
     * an {@link Input} was given), or {@code request} for the request itself; {@code null} when
     * the error is not in one place.
     *
     * @return the source
     */
    public String getSource() {
        return source;
    }

    /**
     * The 1-based line (a worksheet's row, a position in a JSON array), or {@code null}.
     *
     * @return the line
     */
    public Long getLine() {
        return line;
    }

    /**
     * The 1-based column (a table's field number, a character in the plan), or {@code null}.
     *
     * @return the column
     */
    public Long getColumn() {
        return column;
    }

    /**
     * The worksheet of a workbook, or {@code null}.
     *
     * @return the sheet (工作表)
     */
    public String getSheet() {
        return sheet;
    }

    /**
     * For an error that lists problems (every bad row of a table, kind {@code problems}): the
     * first ones, each an exception of its own.
     *
     * @return the listed problems, empty for most errors
     */
    public List<ShuangsuiException> getListed() {
        List<ShuangsuiException> problems = new ArrayList<>(listed.length);
        for (String problem : listed) {
            problems.add(new ShuangsuiException(problem));
        }
        return Collections.unmodifiableList(problems);
    }

    /**
     * For an error that lists problems: how many there are in all, listed or not.
     *
     * @return the number of problems
     */
    public long getTotal() {
        return total;
    }

    /**
     * The whole error, as the library's JSON interface answers it.
     *
     * @return the error's JSON text
     */
    public String getJson() {
        return json;
    }
}
