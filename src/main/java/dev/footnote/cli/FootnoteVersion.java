package dev.footnote.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/** {@code footnote --version}: the version this build was made from. */
public final class FootnoteVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FootnoteVersion.class.getResourceAsStream("/footnote-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"footnote " + properties.getProperty("version", "(unknown version)")};
    }
}
