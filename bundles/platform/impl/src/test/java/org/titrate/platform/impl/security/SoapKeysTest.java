package org.titrate.platform.impl.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.impl.audit.AuditTrail;

public class SoapKeysTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private String previousEtc;
    private SoapKeys keys;

    @Before
    public void setUp() throws Exception {
        previousEtc = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", folder.getRoot().getPath());
        keys = new SoapKeys();
        Field audit = SoapKeys.class.getDeclaredField("audit");
        audit.setAccessible(true);
        audit.set(keys, new AuditTrail());
    }

    @After
    public void tearDown() {
        if (previousEtc == null) {
            System.clearProperty("karaf.etc");
        } else {
            System.setProperty("karaf.etc", previousEtc);
        }
    }

    @Test
    public void aKeyIsIssuedOnceRotatedAndRevokedAndNeverListed() throws Exception {
        String first = keys.issue("zhang.wei");
        assertEquals("32 random bytes, base64url", 43, first.length());
        assertEquals(first, keys.keyOf("zhang.wei"));
        Path file = folder.getRoot().toPath().resolve(SoapKeys.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        String second = keys.issue("zhang.wei");
        assertNotEquals(first, second);
        assertEquals(second, keys.keyOf("zhang.wei"));
        assertEquals(1, keys.list().size());
        assertNull(keys.list().get(0).key());
        assertEquals("zhang.wei", keys.list().get(0).username());
        assertFalse(keys.list().toString().contains(second));

        keys.revoke("zhang.wei");
        assertNull(keys.keyOf("zhang.wei"));
        assertTrue(keys.list().isEmpty());
        try {
            keys.revoke("zhang.wei");
            fail("revoking a key twice");
        } catch (NotFoundException expected) {
            // the second revoke names what is missing
        }
        assertEquals(1, Files.list(folder.getRoot().toPath()).count());
    }

    @Test
    public void aDeletedUsersKeyIsForgotten() {
        keys.issue("li.na");
        keys.issue("wang.fang");
        keys.forget("li.na");
        assertNull(keys.keyOf("li.na"));
        assertTrue(keys.keyOf("wang.fang") != null);
        assertNull(keys.keyOf(null));
    }
}
