import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import shuangsui.Draw;
import shuangsui.Input;
import shuangsui.Request;
import shuangsui.Shuangsui;
import shuangsui.ShuangsuiException;
import shuangsui.Verification;

/**
 * The Java binding's tests, run by bindings/java/test.sh: a plain program (no JUnit) that
 * checks each behaviour, prints one line per check and "N passed, N failed", and exits 1 when
 * any failed.
 *
 * <p>java ShuangsuiTest DEMO SEED OUT: DEMO holds plan.toml, targets.csv and officers.csv
 * (shuangsui demo); the records drawn are written to OUT for test.sh to compare with the
 * CLI's and have the CLI verify: record.json (the texts, the seed SEED), targets-gbk.csv (the
 * directory in GBK) and record-gbk.json (drawn from its bytes), targets.xlsx (the directory as
 * a workbook) and record-xlsx.json (drawn from its bytes).
 */
public final class ShuangsuiTest {
    private static int passed;
    private static int failed;

    private ShuangsuiTest() {}

    private static void check(boolean ok, String what) {
        if (ok) {
            passed++;
            System.out.println("ok - " + what);
        } else {
            failed++;
            System.out.println("FAILED - " + what);
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Runs a check that may throw: an unexpected exception is a failure, not a crash. */
    private static void test(String what, Body body) {
        try {
            body.run();
        } catch (Throwable e) {
            failed++;
            System.out.println("FAILED - " + what + ": " + e);
            e.printStackTrace(System.out);
        }
    }

    /** The ShuangsuiException a call throws, or null (a failure) when it returns. */
    private static ShuangsuiException thrown(String what, Body body) throws Exception {
        try {
            body.run();
        } catch (ShuangsuiException e) {
            System.out.println("   " + what + ": " + e.getKind() + ": " + e.getMessage());
            return e;
        }
        check(false, what + " throws ShuangsuiException");
        return null;
    }

    private static String read(Path path) throws Exception {
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java ShuangsuiTest DEMO SEED OUT");
            System.exit(2);
        }
        Path demo = Paths.get(args[0]);
        String seed = args[1];
        Path out = Paths.get(args[2]);
        String plan = read(demo.resolve("plan.toml"));
        String targets = read(demo.resolve("targets.csv"));
        String officers = read(demo.resolve("officers.csv"));

        test("version", () -> check(Shuangsui.version().matches("\\d+\\.\\d+\\.\\d+.*"),
                "version() is the library's: " + Shuangsui.version()));

        String[] record = new String[1];
        test("draw", () -> {
            record[0] = Shuangsui.draw(plan, targets, officers, seed);
            Files.write(out.resolve("record.json"), record[0].getBytes(StandardCharsets.UTF_8));
            check(record[0].startsWith("{") && record[0].contains(seed),
                    "draw(plan, targets, officers, seed) returns the record's text");
            Draw draw = Shuangsui.draw(Request.inputs(plan, targets, officers).put("seed", seed));
            check(draw.getRecord().equals(record[0]), "draw(Request) draws the same record");
            check(draw.getDigest().matches("[0-9a-f]{64}")
                    && Shuangsui.select(record[0], "/digest").equals(
                            Arrays.asList(draw.getDigest())),
                    "the draw's digest is the record's");
            check(draw.getWarnings().size() == draw.getWarnings(Locale.ENGLISH).size()
                    && draw.getNotes().size() == draw.getNotes(Locale.ENGLISH).size(),
                    "warnings and notes in both languages: " + draw.getWarnings()
                            + draw.getNotes());
            check(Shuangsui.select(draw.getJson(), "/record").equals(Arrays.asList(record[0])),
                    "the answer's JSON holds the record as a string");
            String fromFiles = Shuangsui.draw(
                    Input.file(demo.resolve("plan.toml")),
                    Input.file(demo.resolve("targets.csv")),
                    Input.file(demo.resolve("officers.csv")),
                    seed);
            check(fromFiles.equals(record[0]), "draw(Input.file(...)) draws the same record");
        });

        test("verify", () -> {
            Verification v = Shuangsui.verify(record[0], plan, targets, officers);
            check(v.isOk() && v.getDifferences().isEmpty() && v.getTotalDifferences() == 0,
                    "the genuine record verifies: " + v);
            // An unattested seed proves nothing beyond reproduction: no guarantees listed.
            check(v.getGuarantees().size() == v.getGuarantees(Locale.ENGLISH).size(),
                    "what it proves, in Chinese and English: " + v.getGuarantees());
            check(v.getLedgerEntries() == 0
                    && v.getLedgerHead().equals(first(record[0], "/digest")),
                    "no amendment: the ledger's head is the record's digest");
            check(v.getNotes().size() == v.getNotes(Locale.ENGLISH).size(),
                    "notes: " + v.getNotes());
            check(Shuangsui.select(v.getJson(), "/ok").equals(Arrays.asList("true")),
                    "getJson() is the answer");

            // One digit of the draw key changed: a mismatch, not an exception.
            int at = record[0].indexOf("\"draw_key\": \"") + "\"draw_key\": \"".length();
            char c = record[0].charAt(at);
            String tampered = record[0].substring(0, at) + (c == '0' ? '1' : '0')
                    + record[0].substring(at + 1);
            Verification t = Shuangsui.verify(tampered, plan, targets, officers);
            check(!t.isOk() && !t.getDifferences().isEmpty() && t.getTotalDifferences() > 0
                    && !t.getDifferences(Locale.ENGLISH).isEmpty(),
                    "a tampered record is a mismatch: " + t);

            // A directory with one row less: the inputs are not the draw's.
            String shorter = targets.substring(0, targets.lastIndexOf('\n', targets.length() - 2) + 1);
            Verification s = Shuangsui.verify(record[0], plan, shorter, officers);
            check(!s.isOk() && s.getChangedInputs().equals(Arrays.asList("targets")),
                    "a changed directory is named: " + s.getChangedInputs());

            String raw = Shuangsui.call("verify",
                    Request.inputs(plan, targets, officers).put("record", tampered));
            check(Shuangsui.select(raw, "/ok").equals(Arrays.asList("false")),
                    "call(\"verify\") answers a mismatch without throwing");
        });

        test("errors", () -> {
            // A duplicate id in the directory: its kind and where.
            String firstRow = targets.substring(targets.indexOf('\n') + 1,
                    targets.indexOf('\n', targets.indexOf('\n') + 1) + 1);
            ShuangsuiException e = thrown("duplicate id",
                    () -> Shuangsui.draw(plan, targets + firstRow, officers, seed));
            if (e != null) {
                check(e.getKind().equals("duplicate_id"), "kind duplicate_id: " + e.getKind());
                check("targets.csv".equals(e.getSource()) && e.getLine() != null
                        && e.getLocation() != null && e.getLocation().startsWith("targets.csv:"),
                        "located in targets.csv: " + e.getLocation());
                check(e.getMessage().contains(e.getLocation())
                        && !e.getMessage().equals(e.getMessageEn())
                        && e.getMessage(Locale.ENGLISH).equals(e.getMessageEn())
                        && e.getMessage(Locale.CHINA).equals(e.getMessage()),
                        "the message in Chinese first, English on request: " + e.getMessageEn());
                check(Shuangsui.select(e.getJson(), "/kind").equals(Arrays.asList("duplicate_id")),
                        "getJson() is the error");
            }

            e = thrown("plan syntax",
                    () -> Shuangsui.draw("[plan\nid = \"P\"\n", targets, officers, seed));
            if (e != null) {
                check(e.getKind().equals("plan_syntax") && "plan.toml".equals(e.getSource())
                        && e.getLine() != null && e.getLine() == 1L,
                        "a plan syntax error: " + e.getKind() + " at " + e.getLocation());
            }

            e = thrown("unknown member", () -> Shuangsui.draw(
                    Request.inputs(plan, targets, officers).put("seed", seed).put("id_chek", "warn")));
            if (e != null) {
                check(e.getKind().equals("request") && "request".equals(e.getSource())
                        && e.getMessageEn().contains("id_chek"),
                        "an unknown member is refused, named: " + e.getMessageEn());
            }

            e = thrown("not JSON", () -> Shuangsui.call("draw", "{\"plan\": "));
            check(e != null && e.getKind().equals("request"), "a request that is not JSON: request");

            e = thrown("unknown operation", () -> Shuangsui.call("dra", "{}"));
            check(e != null && e.getKind().equals("request") && e.getMessageEn().contains("dra"),
                    "an unknown operation: request");

            e = thrown("missing file", () -> Shuangsui.draw(null, targets, officers, seed));
            check(e != null && e.getKind().equals("request") && e.getMessageEn().contains("plan"),
                    "a null file is a missing member");

            e = thrown("unpaired surrogate", () -> Shuangsui.draw(plan, targets, officers, "种子\ud800"));
            check(e != null && e.getKind().equals("request"),
                    "an unpaired surrogate is not read as a replacement character");

            e = thrown("bad base64", () -> Shuangsui.call("digest",
                    new Request().putJson("plan", "{\"name\": \"plan.toml\", \"base64\": \"***\"}")));
            check(e != null && e.getKind().equals("request"), "a file that is not base64: request");

            // A directory with several bad rows: the problems listed.
            String bad = "id,name\n91110000802100433X,甲\n9144030071526726XX,乙\n91110000802100433B,丙\n";
            e = thrown("listed problems", () -> Shuangsui.draw(plan, bad, officers, seed));
            if (e != null) {
                List<ShuangsuiException> listed = e.getListed();
                check(listed.isEmpty() ? e.getLine() != null
                        : listed.get(0).getKind() != null && e.getTotal() >= listed.size(),
                        "bad rows: " + e.getKind() + ", " + listed.size() + " listed of "
                                + e.getTotal());
            }
        });

        test("characters", () -> {
            // Quotes, backslashes, control characters and characters beyond the BMP survive
            // the trip through JSON, modified UTF-8 and back.
            String odd = "种子 \"引号\" \\ / 𠀀😀 \u2028";
            String r = Shuangsui.draw(plan, targets, officers, odd);
            check(Shuangsui.select(r, "/seed/value").equals(Arrays.asList(odd)),
                    "a seed with quotes, tabs and supplementary characters arrives intact");
            Verification v = Shuangsui.verify(r, plan, targets, officers);
            check(v.isOk(), "and verifies");
            // A control character is escaped in the request and refused by the library, which
            // names it: it arrived as itself.
            ShuangsuiException e = thrown("control character",
                    () -> Shuangsui.draw(plan, targets, officers, "种子\u0001\t"));
            check(e != null && e.getMessageEn().contains("U+0001"),
                    "a control character arrives as itself");
        });

        test("GBK bytes", () -> {
            String noBom = targets.startsWith("\ufeff") ? targets.substring(1) : targets;
            byte[] gbk = noBom.getBytes(Charset.forName("GBK"));
            Files.write(out.resolve("targets-gbk.csv"), gbk);
            String auto = Shuangsui.draw(Input.text(plan), Input.bytes("targets.csv", gbk),
                    Input.text(officers), seed);
            String told = Shuangsui.draw(Input.text("plan.toml", plan),
                    Input.bytes("名录.csv", gbk).encoding("gbk"), Input.text(officers), seed);
            Files.write(out.resolve("record-gbk.json"), auto.getBytes(StandardCharsets.UTF_8));
            check(auto.equals(told), "a GBK directory as bytes, detected or told");
            check(auto.equals(record[0]), "draws what the UTF-8 directory draws");
            ShuangsuiException e = thrown("GBK read as UTF-8", () -> Shuangsui.draw(
                    Input.text(plan), Input.bytes("名录.csv", gbk).encoding("utf-8"),
                    Input.text(officers), seed));
            check(e != null && "名录.csv".equals(e.getSource()),
                    "an error in a named input names it: " + (e == null ? null : e.getLocation()));
        });

        test("xlsx bytes", () -> {
            byte[] xlsx = workbook("企业", targets);
            Files.write(out.resolve("targets.xlsx"), xlsx);
            String fromXlsx = Shuangsui.draw(Input.text(plan),
                    Input.bytes("名录.xlsx", xlsx).sheet("企业"), Input.text(officers), seed);
            Files.write(out.resolve("record-xlsx.json"), fromXlsx.getBytes(StandardCharsets.UTF_8));
            check(fromXlsx.equals(record[0]), "a workbook as bytes draws what the CSV draws");
            ShuangsuiException e = thrown("missing sheet", () -> Shuangsui.draw(Input.text(plan),
                    Input.bytes("名录.xlsx", xlsx).sheet("个体户"), Input.text(officers), seed));
            check(e != null && "名录.xlsx".equals(e.getSource()),
                    "a missing worksheet is named in the workbook: " + e.getKind());
        });

        test("check, digest, notice, amend", () -> {
            String answer = Shuangsui.check(plan, targets, officers);
            List<String> tasks = Shuangsui.select(answer, "/tasks/*/id");
            check(!tasks.isEmpty() && tasks.equals(Shuangsui.select(record[0], "/tasks/*/id")),
                    "check() lists the plan's tasks: " + tasks);

            Map<String, String> digests = Shuangsui.digest(plan, targets, officers);
            check(digests.get("plan").equals(first(record[0], "/inputs/plan/digest"))
                    && digests.get("targets").equals(first(record[0], "/inputs/targets/digest"))
                    && digests.get("officers").equals(first(record[0], "/inputs/officers/digest")),
                    "digest() gives the record's digests: " + digests.keySet());
            check(Shuangsui.digest(plan, null, null).keySet().equals(
                    new java.util.HashSet<>(Arrays.asList("plan"))), "digest() of a plan alone");

            String html = Shuangsui.notice(record[0], plan, targets, officers, null, null);
            String name = first(record[0], "/plan/name");
            check(html.contains("<html") && html.contains(name), "notice() renders HTML");
            String md = Shuangsui.notice(record[0], plan, targets, officers, "markdown", "en");
            check(md.contains(name) && !md.contains("<html"), "notice() renders Markdown in English");

            String target = first(record[0], "/tasks/0/selected/0/target");
            String leaving = first(record[0], "/tasks/0/selected/0/officers/0");
            Request amendment = new Request()
                    .put("change", "replace_officer")
                    .put("target", target)
                    .put("officer", leaving)
                    .put("reason", "回避")
                    .put("actor", "市局执法稽查处")
                    .put("at", "2027-01-16T09:30:00Z");
            String amended = Shuangsui.amend(record[0], plan, targets, officers, amendment);
            check(!amended.equals(record[0])
                    && first(amended, "/digest").equals(first(record[0], "/digest"))
                    && Shuangsui.select(amended, "/ledger/*").size() == 1,
                    "amend() adds a ledger entry, the digest stays");
            Verification v = Shuangsui.verify(amended, plan, targets, officers);
            check(v.isOk() && v.getLedgerEntries() == 1
                    && !v.getLedgerHead().equals(first(record[0], "/digest")),
                    "the amended record verifies, its ledger's head moved");
            ShuangsuiException e = thrown("amendment without a change", () -> Shuangsui.amend(
                    record[0], plan, targets, officers, new Request().put("target", target)));
            check(e != null && e.getKind().equals("request"), "an incomplete amendment: request");
        });

        test("threads", () -> {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> draws = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Callable<String> one = () -> Shuangsui.draw(plan, targets, officers, seed);
                    draws.add(pool.submit(one));
                }
                boolean same = true;
                for (Future<String> d : draws) {
                    same &= d.get().equals(record[0]);
                }
                check(same, "four draws at once on four threads draw the same record");
            } finally {
                pool.shutdown();
            }
        });

        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * A workbook with one worksheet holding a CSV table as inline strings: the least an .xlsx
     * can be. (The CSV is shuangsui demo's: quotes only around whole fields, no comma inside.)
     */
    private static byte[] workbook(String sheet, String csv) throws Exception {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rels = "http://schemas.openxmlformats.org/package/2006/relationships";
        String office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        StringBuilder cells = new StringBuilder();
        String[] lines = csv.replace("\ufeff", "").split("\r?\n");
        for (int r = 0; r < lines.length; r++) {
            cells.append("<row r=\"").append(r + 1).append("\">");
            String[] fields = lines[r].split(",", -1);
            for (int c = 0; c < fields.length; c++) {
                String f = fields[c];
                if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
                    f = f.substring(1, f.length() - 1).replace("\"\"", "\"");
                }
                f = f.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                cells.append("<c r=\"").append((char) ('A' + c)).append(r + 1)
                        .append("\" t=\"inlineStr\"><is><t>").append(f).append("</t></is></c>");
            }
            cells.append("</row>");
        }
        String[][] parts = {
            {"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
                + "ContentType=\"" + type + "sheet.main+xml\"/><Override PartName=\"/xl/"
                + "worksheets/sheet1.xml\" ContentType=\"" + type + "worksheet+xml\"/></Types>"},
            {"_rels/.rels", "<Relationships xmlns=\"" + rels + "\"><Relationship Id=\"rId1\" "
                + "Type=\"" + office + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"},
            {"xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + office + "\">"
                + "<sheets><sheet name=\"" + sheet + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                + "</workbook>"},
            {"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + rels + "\"><Relationship "
                + "Id=\"rId1\" Type=\"" + office + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>"},
            {"xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>" + cells
                + "</sheetData></worksheet>"},
        };
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String[] part : parts) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part[0]));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        + part[1]).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The first value a pointer reaches in a JSON text, or null. */
    private static String first(String json, String pointer) {
        List<String> values = Shuangsui.select(json, pointer);
        return values.isEmpty() ? null : values.get(0);
    }
}
