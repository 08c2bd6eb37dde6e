package dev.blogsearch.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two versions of the service side by side in one JVM, over the same queries no cache has seen: each version's
 * classes are loaded from its own class path, each opens the index, and the two search the no-repeat stream's lines
 * in alternating blocks (the first version first in one block, the second in the next), each query's CPU time taken
 * on the searching thread. Other work on a shared machine slows both alike, which separate runs one after the other
 * cannot promise: on two cores shared with builds, two runs of the same code differed by 10% and more.
 *
 * <p>Options: {@code --a CLASSPATH --b CLASSPATH} (each holding this module's classes and its libraries;
 * {@code dir/*} for every jar of a folder, as {@code java -cp} reads it), then {@link NoRepeatCost}'s
 * {@code --content --index}, the lines of {@link NoRepeatLines} ({@code --warmup 3000} by default), and
 * {@code --block 50}.
 */
public final class NoRepeatSideBySide {

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        NoRepeatLines lines = NoRepeatLines.of(args, 3000);
        int block = args.integer("block", 50);
        List<String> measured = lines.measured();
        int from = lines.from();
        Version a = new Version("a", args.string("a", null), args);
        Version b = new Version("b", args.string("b", null), args);
        List<String> warm = lines.warmup();
        for (int at = 0; at < warm.size(); at += block) {
            List<String> part = warm.subList(at, Math.min(warm.size(), at + block));
            a.run(part);
            b.run(part);
        }
        long[] aNanos = new long[measured.size()];
        long[] bNanos = new long[measured.size()];
        for (int at = 0, turn = 0; at < measured.size(); at += block, turn++) {
            List<String> part = measured.subList(at, Math.min(measured.size(), at + block));
            Version first = turn % 2 == 0 ? a : b;
            Version second = first == a ? b : a;
            long[] firstNanos = first.run(part);
            long[] secondNanos = second.run(part);
            System.arraycopy(first == a ? firstNanos : secondNanos, 0, aNanos, at, part.size());
            System.arraycopy(first == a ? secondNanos : firstNanos, 0, bNanos, at, part.size());
        }
        System.out.printf(
                Locale.ROOT,
                "no-repeat lines %d-%d (%d searches each), load %s%n",
                from,
                from + measured.size() - 1,
                measured.size(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        print("a", aNanos);
        print("b", bNanos);
        System.out.printf(Locale.ROOT, "  b / a: mean %.3f%n", mean(bNanos) / mean(aNanos));
    }

    private static void print(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "  %s CPU ms per search  p50 %.2f  mean %.2f  p90 %.2f  p99 %.2f%n",
                name,
                percentile(sorted, 50),
                mean(nanos) / 1e6,
                percentile(sorted, 90),
                percentile(sorted, 99));
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(Double.NaN);
    }

    private static double percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** One version of the code: its own class loader, its own service over the index. */
    private static final class Version {
        private final Object service;
        private final Method cpuNanos;

        Version(String name, String classPath, Args args) throws Exception {
            if (classPath == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            List<URL> urls = new ArrayList<>();
            for (String entry : classPath.split(File.pathSeparator)) {
                if (entry.endsWith("/*")) {
                    File[] jars = new File(entry.substring(0, entry.length() - 2))
                            .listFiles((dir, file) -> file.endsWith(".jar"));
                    Arrays.sort(jars);
                    for (File jar : jars) {
                        urls.add(jar.toURI().toURL());
                    }
                } else {
                    urls.add(new File(entry).toURI().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> cost = loader.loadClass(NoRepeatCost.class.getName());
            Thread.currentThread().setContextClassLoader(loader);
            service = cost.getMethod("openService", String.class, String.class)
                    .invoke(null, args.string("content", null), args.string("index", null));
            cpuNanos = cost.getMethod("cpuNanos", Object.class, List.class);
        }

        long[] run(List<String> queries) throws Exception {
            return (long[]) cpuNanos.invoke(null, service, queries);
        }
    }
}
