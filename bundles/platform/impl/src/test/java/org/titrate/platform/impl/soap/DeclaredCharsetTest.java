package org.titrate.platform.impl.soap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.titrate.platform.api.ValidationException;

public class DeclaredCharsetTest {

    @Test
    public void theXmlDeclarationNamesTheCharset() {
        assertEquals("GBK", DeclaredCharset.declared("<?xml version=\"1.0\" encoding=\"GBK\"?><soap:Envelope"));
        assertEquals("GB18030", DeclaredCharset.declared("<?xml version='1.0' encoding='gb18030' standalone='yes'?>"));
        assertEquals("UTF-8", DeclaredCharset.declared("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    }

    @Test
    public void withoutADeclaredEncodingItIsUtf8() {
        assertEquals("UTF-8", DeclaredCharset.declared("<?xml version=\"1.0\"?><a/>"));
        assertEquals("UTF-8", DeclaredCharset.declared("<soap:Envelope xmlns:soap='x'/>"));
        assertEquals("UTF-8", DeclaredCharset.declared(""));
        // an encoding named later in the document is no declaration
        assertEquals("UTF-8", DeclaredCharset.declared("<a encoding=\"GBK\"/>"));
        // behind a UTF-8 byte order mark (read as ISO-8859-1 bytes)
        assertEquals("GBK", DeclaredCharset.declared("\u00ef\u00bb\u00bf<?xml version=\"1.0\" encoding=\"GBK\"?>"));
    }

    @Test
    public void anUnknownCharsetIsTheClientsError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DeclaredCharset.declared("<?xml version=\"1.0\" encoding=\"KLINGON-8\"?>"));
        assertEquals("encoding", e.errors().get(0).field());
    }
}
