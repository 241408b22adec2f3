package dev.amends.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service's resident memory (from /proc, for the process the run command started) and its
 * start-up time (what Quarkus logged), read from the run command's data folder.
 */
final class ServiceFigures {

    static final List<String> SERVICES = List.of("intake-service", "recovery-service", "notification-service",
            "review-service");
    private static final Pattern STARTED = Pattern.compile("started in ([\\d.]+)s");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    record Figures(String service, long residentMegabytes, double startupSeconds) {
    }

    static Map<String, Figures> read(Path data) throws IOException {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (String service : SERVICES) {
            long rss = -1;
            Path pid = data.resolve("pids").resolve(service + ".pid");
            if (Files.exists(pid)) {
                Path status = Path.of("/proc", Files.readString(pid).strip(), "status");
                if (Files.exists(status)) {
                    Matcher matcher = RSS.matcher(Files.readString(status));
                    rss = matcher.find() ? Long.parseLong(matcher.group(1)) / 1024 : -1;
                }
            }
            double startup = Double.NaN;
            Path log = data.resolve("logs").resolve(service + ".log");
            if (Files.exists(log)) {
                Matcher matcher = STARTED.matcher(Files.readString(log));
                while (matcher.find()) {
                    startup = Double.parseDouble(matcher.group(1));
                }
            }
            figures.put(service, new Figures(service, rss, startup));
        }
        return figures;
    }
}
