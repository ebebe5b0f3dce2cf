package org.titrate.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.osgi.framework.Bundle;

/** The files Vite built, packed into the bundle under {@code /webapp}. */
final class BundleFiles implements WebFiles {
    static final String ROOT = "/webapp";
    private final Bundle bundle;

    BundleFiles(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public InputStream open(String path) throws IOException {
        URL entry = bundle.getEntry(ROOT + path);
        return entry == null ? null : entry.openStream();
    }
}
