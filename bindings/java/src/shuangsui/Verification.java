package shuangsui;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a verification (核验): whether the record reproduces from its inputs, what
 * differs when it does not, and what a reproducing record proves.
 *
 * <p>A record that does not reproduce is an outcome, not an error: {@link #isOk} is false and
 * {@link #getDifferences} says what differs (as the CLI's {@code shuangsui verify} exits 1).
 * Every text shown to people is the library's, in Chinese by default and in English for {@link
 * Locale#ENGLISH}.
 */
public final class Verification {
    static final String[] SELECTORS = {
        "/ok",
        "/differences/*/message/zh",
        "/differences/*/message/en",
        "/total_differences",
        "/changed_inputs/*",
        "/seed_mismatch",
        "/attestation_failure/zh",
        "/attestation_failure/en",
        "/guarantees/*/zh",
        "/guarantees/*/en",
        "/notes/*/message/zh",
        "/notes/*/message/en",
        "/ledger/entries",
        "/ledger/head",
    };

    private final String json;
    private final boolean ok;
    private final String[][] picked;

    /** From the verify answer and what {@link #SELECTORS} picked (rows 1 on of call0). */
    Verification(String json, String[][] rows) {
        this.json = json;
        this.picked = Arrays.copyOfRange(rows, 1, rows.length);
        this.ok = "true".equals(Json.first(picked[0]));
    }

    private static boolean english(Locale locale) {
        return locale != null && !"zh".equals(locale.getLanguage());
    }

    private List<String> list(int zh, Locale locale) {
        return Collections.unmodifiableList(Arrays.asList(picked[english(locale) ? zh + 1 : zh]));
    }

    /**
     * Whether the record reproduces: the same inputs, the same seed, the same draw.
     *
     * @return true when the record verifies (核验通过)
     */
    public boolean isOk() {
        return ok;
    }

    /**
     * What differs, in Chinese: the first differences in document order (see {@link
     * #getTotalDifferences} for how many there are in all). Empty when the record reproduces.
     *
     * @return the differences' messages
     */
    public List<String> getDifferences() {
        return list(1, Locale.CHINESE);
    }

    /**
     * What differs, in a language.
     *
     * @param locale {@link Locale#CHINESE} (or {@code null}) for Chinese, any other for English
     * @return the differences' messages
     */
    public List<String> getDifferences(Locale locale) {
        return list(1, locale);
    }

    /**
     * How many differences there are in all, an attestation failure counted as one.
     *
     * @return the number of differences
     */
    public long getTotalDifferences() {
        String total = Json.first(picked[3]);
        return total == null ? 0 : Long.parseLong(total);
    }

    /**
     * The inputs that are not the ones the draw used: {@code plan}, {@code targets}, {@code
     * officers}.
     *
     * @return the changed inputs' names
     */
    public List<String> getChangedInputs() {
        return Collections.unmodifiableList(Arrays.asList(picked[4]));
    }

    /**
     * True when the inputs are the draw's but the record's draw key does not follow from its
     * seed: the seed (or the key) was altered.
     *
     * @return whether the seed does not match
     */
    public boolean isSeedMismatch() {
        return "true".equals(Json.first(picked[5]));
    }

    /**
     * Why the seed's attestation does not hold (an announced draw whose announcement, beacon
     * round, dice or reveals do not check out), in a language; {@code null} when it holds or
     * there is none.
     *
     * @param locale the language, as in {@link #getDifferences(Locale)}
     * @return the failure's message
     */
    public String getAttestationFailure(Locale locale) {
        return Json.first(picked[english(locale) ? 7 : 6]);
    }

    /**
     * What a reproducing record proves (the inputs fixed before the seed, the draw as the spec
     * says…), in Chinese.
     *
     * @return the guarantees' messages
     */
    public List<String> getGuarantees() {
        return list(8, Locale.CHINESE);
    }

    /**
     * What a reproducing record proves, in a language.
     *
     * @param locale the language, as in {@link #getDifferences(Locale)}
     * @return the guarantees' messages
     */
    public List<String> getGuarantees(Locale locale) {
        return list(8, locale);
    }

    /**
     * Things worth saying that are not differences (what rests on procedure rather than proof),
     * in Chinese.
     *
     * @return the notes' messages
     */
    public List<String> getNotes() {
        return list(10, Locale.CHINESE);
    }

    /**
     * Things worth saying that are not differences, in a language.
     *
     * @param locale the language, as in {@link #getDifferences(Locale)}
     * @return the notes' messages
     */
    public List<String> getNotes(Locale locale) {
        return list(10, locale);
    }

    /**
     * How many amendments (变更) the record's ledger holds.
     *
     * @return the number of amendments, 0 for a record as drawn
     */
    public long getLedgerEntries() {
        String entries = Json.first(picked[12]);
        return entries == null ? 0 : Long.parseLong(entries);
    }

    /**
     * The head of the record's ledger (hex): the record's digest when it holds no amendment,
     * else the digest of its last amendment, which moves with each one.
     *
     * @return the ledger's head, or {@code null} when the answer has none
     */
    public String getLedgerHead() {
        return Json.first(picked[13]);
    }

    /**
     * The whole answer of the library's {@code verify}: {@code {"ok", "differences",
     * "changed_inputs", "guarantees", "notes", "ledger", …}}.
     *
     * @return the answer's JSON text
     */
    public String getJson() {
        return json;
    }

    /**
     * For logs: whether it verifies, and the first difference when it does not.
     *
     * @return a short summary in Chinese
     */
    @Override
    public String toString() {
        if (ok) {
            return "Verification(ok)";
        }
        List<String> differences = getDifferences();
        return "Verification(mismatch, "
                + getTotalDifferences()
                + (differences.isEmpty() ? ")" : ": " + differences.get(0) + ")");
    }
}
