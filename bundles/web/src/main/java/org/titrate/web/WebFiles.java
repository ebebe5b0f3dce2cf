package org.titrate.web;

import java.io.IOException;
import java.io.InputStream;

/** The built application's files ({@code /index.html}, {@code /assets/...}); null when there is no such file. */
interface WebFiles {
    InputStream open(String path) throws IOException;
}
