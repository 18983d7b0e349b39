package shuangsui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The native library ({@code libshuangsui_jni.so}, {@code .dylib}, {@code shuangsui_jni.dll})
 * and its three functions; loaded once, when the first call is made.
 *
 * <p>Where the library is found, in this order:
 *
 * <ol>
 *   <li>the system property {@code shuangsui.library.path}, the library's full path (when it
 *       is set, nothing else is tried: a library named on purpose is not silently replaced);
 *   <li>the jar: {@code build.sh} puts the library it built into {@code shuangsui.jar}, under
 *       {@code shuangsui/native/<os>-<arch>/}; it is copied to a temporary file and loaded from
 *       there;
 *   <li>{@code System.loadLibrary("shuangsui_jni")}: the directories of {@code
 *       java.library.path}.
 * </ol>
 */
final class Native {
    /** The library's name, as {@link System#loadLibrary} takes it. */
    static final String LIBRARY = "shuangsui_jni";

    /** The system property naming the library's full path. */
    static final String PATH_PROPERTY = "shuangsui.library.path";

    static {
        load();
    }

    private Native() {}

    /** The library's version and the spec version it implements, e.g. {@code 0.1.0 spec 2}. */
    static native String version0();

    /**
     * Runs an operation: row 0 is {status, answer} (status "0", "1" or "2"), and unless the
     * status is "2", row 1 + i holds what selectors[i] picks out of the answer.
     */
    static native String[][] call0(String operation, String request, String[] selectors);

    /** Row i holds what selectors[i] picks out of a JSON text. */
    static native String[][] select0(String json, String[] selectors);

    private static void load() {
        String path = System.getProperty(PATH_PROPERTY);
        if (path != null && !path.isEmpty()) {
            System.load(path);
            return;
        }
        String resource = "native/" + platform() + "/" + System.mapLibraryName(LIBRARY);
        String fromJar = null;
        try (InputStream in = Native.class.getResourceAsStream(resource)) {
            if (in != null) {
                String name = System.mapLibraryName(LIBRARY);
                int dot = name.lastIndexOf('.');
                Path copy = Files.createTempFile(name.substring(0, dot) + "-", name.substring(dot));
                try {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    System.load(copy.toAbsolutePath().toString());
                    return;
                } catch (UnsatisfiedLinkError e) {
                    fromJar = e.getMessage();
                } finally {
                    // Once loaded, the file is no longer needed where the system allows its
                    // removal (Linux, macOS); elsewhere it goes when the JVM exits.
                    try {
                        Files.delete(copy);
                    } catch (IOException e) {
                        copy.toFile().deleteOnExit();
                    }
                }
            }
        } catch (IOException e) {
            fromJar = e.toString();
        }
        try {
            System.loadLibrary(LIBRARY);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError error =
                    new UnsatisfiedLinkError(
                            "shuangsui: the native library "
                                    + System.mapLibraryName(LIBRARY)
                                    + " was found neither at the system property "
                                    + PATH_PROPERTY
                                    + " (not set), nor in the jar as shuangsui/"
                                    + resource
                                    + (fromJar == null ? " (absent)" : " (" + fromJar + ")")
                                    + ", nor in java.library.path ("
                                    + e.getMessage()
                                    + ")");
            error.initCause(e);
            throw error;
        }
    }

    /** {@code linux-x86_64}, {@code macos-aarch64}, {@code windows-x86_64}: the jar's folder. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            os = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            os = "macos";
        } else if (os.startsWith("windows")) {
            os = "windows";
        } else {
            os = os.replaceAll("[^a-z0-9]", "");
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            arch = "x86_64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            arch = "aarch64";
        }
        return os + "-" + arch;
    }
}
