import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import shuangsui.Input;
import shuangsui.Shuangsui;
import shuangsui.ShuangsuiException;
import shuangsui.Verification;

/**
 * Draws from three files and a seed, writes the record, and verifies it: what a platform does
 * when it embeds the draw.
 *
 * <pre>
 * javac -cp shuangsui.jar Example.java
 * java -cp shuangsui.jar:. Example plan.toml targets.csv officers.csv "2027-01-15 公开摇号" record.json
 * shuangsui verify record.json --plan plan.toml --targets targets.csv --officers officers.csv
 * </pre>
 *
 * <p>The directory and the roster may be .csv, .tsv, .xlsx, .json or .jsonl, in UTF-8 or GBK:
 * each file goes to the library as its bytes and its name, as the CLI reads it. Exits 0 when
 * the record is written and verifies, 1 when it does not verify, 2 on an error (the library's
 * message in Chinese, then in English).
 */
public final class Example {
    private Example() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("用法：java Example plan.toml targets.csv officers.csv 种子 record.json");
            System.exit(2);
        }
        Input plan = Input.file(Paths.get(args[0]));
        Input targets = Input.file(Paths.get(args[1]));
        Input officers = Input.file(Paths.get(args[2]));
        String seed = args[3];
        Path out = Paths.get(args[4]);
        try {
            String record = Shuangsui.draw(plan, targets, officers, seed);
            // The record's bytes are what its digest and the public compare: write the text as
            // UTF-8, as it is.
            Files.write(out, record.getBytes(StandardCharsets.UTF_8));
            System.out.println("抽取记录：" + out);

            Verification verification = Shuangsui.verify(record, plan, targets, officers);
            if (!verification.isOk()) {
                System.out.println("核验未通过：");
                for (String difference : verification.getDifferences()) {
                    System.out.println("  " + difference);
                }
                System.exit(1);
            }
            // The record's digest, which a notice shows: read with select(), no JSON library.
            System.out.println("核验通过 " + Shuangsui.select(record, "/digest").get(0));
            for (String guarantee : verification.getGuarantees()) {
                System.out.println("  " + guarantee);
            }
            for (String note : verification.getNotes()) {
                System.out.println("  " + note);
            }
        } catch (ShuangsuiException e) {
            // The kind is for code; the message (with where: file, line, column) for people.
            System.err.println(e.getMessage());
            if (e.getHint() != null) {
                System.err.println(e.getHint());
            }
            System.err.println("(" + e.getKind() + ") " + e.getMessageEn());
            System.exit(2);
        }
    }
}
