package shuangsui;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A draw (抽取) made by {@link Shuangsui#draw(Request)}: the record, its digest, and the
 * library's warnings and notes.
 */
public final class Draw {
    static final String[] SELECTORS = {
        "/record",
        "/digest",
        "/warnings/*/message/zh",
        "/warnings/*/message/en",
        "/notes/*/message/zh",
        "/notes/*/message/en",
    };

    private final String json;
    private final String record;
    private final String digest;
    private final String[] warningsZh;
    private final String[] warningsEn;
    private final String[] notesZh;
    private final String[] notesEn;

    /** From the draw answer and what {@link #SELECTORS} picked (rows 1 on of call0). */
    Draw(String json, String[][] rows) {
        this.json = json;
        this.record = Json.first(rows[1]);
        this.digest = Json.first(rows[2]);
        this.warningsZh = rows[3];
        this.warningsEn = rows[4];
        this.notesZh = rows[5];
        this.notesEn = rows[6];
    }

    /**
     * The record (抽取记录): the JSON text that publishes the draw, exactly as {@code shuangsui
     * draw --out record.json} writes it for the same inputs and seed. Write it as UTF-8 and
     * publish those bytes: they are what the digest and the public compare, so do not parse and
     * re-serialise it.
     *
     * @return the record's text
     */
    public String getRecord() {
        return record;
    }

    /**
     * The record's digest (SHA-256, hex), which the record states and a notice shows.
     *
     * @return the digest
     */
    public String getDigest() {
        return digest;
    }

    /**
     * The library's warnings about the inputs (a count larger than the frame, certificates not
     * checked…), in Chinese.
     *
     * @return the warnings' messages
     */
    public List<String> getWarnings() {
        return Collections.unmodifiableList(Arrays.asList(warningsZh));
    }

    /**
     * The warnings in a language: English for any locale whose language is not Chinese.
     *
     * @param locale the language
     * @return the warnings' messages
     */
    public List<String> getWarnings(Locale locale) {
        boolean english = locale != null && !"zh".equals(locale.getLanguage());
        return Collections.unmodifiableList(Arrays.asList(english ? warningsEn : warningsZh));
    }

    /**
     * Things worth saying about the draw that are not warnings (about earlier batches drawn
     * from the same inputs), in Chinese; empty from a library that answers none.
     *
     * @return the notes' messages
     */
    public List<String> getNotes() {
        return getNotes(Locale.CHINESE);
    }

    /**
     * The notes in a language: English for any locale whose language is not Chinese.
     *
     * @param locale the language
     * @return the notes' messages
     */
    public List<String> getNotes(Locale locale) {
        boolean english = locale != null && !"zh".equals(locale.getLanguage());
        return Collections.unmodifiableList(Arrays.asList(english ? notesEn : notesZh));
    }

    /**
     * The whole answer of the library's {@code draw}: {@code {"record", "digest", "warnings",
     * "exclusions": [{"task", "target", "reason"}]}}; read its members with {@link
     * Shuangsui#select}.
     *
     * @return the answer's JSON text
     */
    public String getJson() {
        return json;
    }

    /**
     * For logs: the record's digest.
     *
     * @return {@code Draw(digest)}
     */
    @Override
    public String toString() {
        return "Draw(" + digest + ")";
    }
}
