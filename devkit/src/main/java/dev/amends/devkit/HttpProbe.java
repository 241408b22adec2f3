package dev.amends.devkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/** Whether a server that is starting answers yet: a GET of {@code url} that comes back 200. */
public final class HttpProbe {

    private HttpProbe() {
    }

    public static boolean answers(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
