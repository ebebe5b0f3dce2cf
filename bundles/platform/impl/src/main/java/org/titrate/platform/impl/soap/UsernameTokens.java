package org.titrate.platform.impl.soap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.security.AuthenticationException;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.cache.MemoryReplayCache;
import org.apache.wss4j.common.cache.ReplayCache;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.UsernameTokenUtil;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.apache.wss4j.dom.validate.UsernameTokenValidator;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.impl.security.JaasAuthenticator;
import org.titrate.platform.impl.security.KeyLogin;
import org.titrate.platform.impl.security.SoapKeys;
import org.titrate.platform.impl.security.UserDirectory;

/**
 * WS-Security UsernameToken, read by CXF's WSS4J interceptor, as the other way to sign in besides HTTP Basic: what legacy
 * .NET (WSE, WCF) and Java (Axis, Metro) clients send. PasswordText is checked against the {@code karaf} realm like a Basic
 * login (the same throttle, audit and cache); PasswordDigest against the user's SOAP key ({@link SoapKeys}), since a digest
 * cannot be checked against a bcrypt hash. WSS4J refuses a token created more than 5 minutes ago or 1 minute ahead, and
 * a nonce seen before (replay). A request that carries HTTP Basic is signed in by Basic and its security header is not read.
 */
final class UsernameTokens extends WSS4JInInterceptor {
    /** Who a token signed in, for {@link CxfSoapEndpoints.Login}. */
    static final String CALLER = UsernameTokens.class.getName() + ".caller";
    /** One cache for every service and both SOAP versions: a nonce used on one service is a replay on another. */
    private static final ReplayCache NONCES = new MemoryReplayCache();

    UsernameTokens(SoapKeys keys, UserDirectory users) {
        super(properties(new Check(keys, users)));
        // No action is required of a request: one without a security header goes on to the Basic login.
        setIgnoreActions(true);
    }

    private static Map<String, Object> properties(Check check) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, org.apache.wss4j.dom.handler.WSHandlerConstants.NO_SECURITY);
        // Legacy clients omit what the Basic Security Profile asks (a nonce's EncodingType, say); the checks that matter stay.
        p.put(ConfigurationConstants.IS_BSP_COMPLIANT, "false");
        p.put(WSS4JInInterceptor.VALIDATOR_MAP, Map.of(WSConstants.USERNAME_TOKEN, check));
        return p;
    }

    /**
     * Nonces are remembered in memory. CXF's default, an Ehcache, cannot read back what it stored inside Karaf
     * (ClassNotFoundException for WSS4J's EHCacheValue): the second sight of a nonce, a replay, became a server error.
     */
    @Override
    protected ReplayCache getReplayCache(SoapMessage message, String enableKey, String instanceKey) {
        return SecurityConstants.NONCE_CACHE_INSTANCE.equals(instanceKey) ? NONCES : null;
    }

    /** The nonce cache is wanted although no action is required (CXF asks for one only when UsernameToken is required). */
    @Override
    protected boolean isNonceCacheRequired(List<Integer> actions, SoapMessage msg) {
        return true;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        AuthorizationPolicy basic = message.get(AuthorizationPolicy.class);
        if (basic != null && basic.getUserName() != null) {
            return;
        }
        try {
            super.handleMessage(message);
        } catch (Fault fault) {
            // WSS4J says "security processing failed" as a soap:Server fault; to the client it is a failed login (401)
            for (Throwable t = fault; t != null; t = t.getCause()) {
                if (t instanceof ProblemException || t instanceof AuthenticationException) {
                    throw fault;
                }
            }
            throw new AuthenticationException("The WS-Security header was refused: " + fault.getMessage());
        }
    }

    /** Checks a token's password: text against the realm, digest against the SOAP key. */
    static final class Check extends UsernameTokenValidator {
        private final SoapKeys keys;
        private final UserDirectory users;

        Check(SoapKeys keys, UserDirectory users) {
            this.keys = keys;
            this.users = users;
        }

        @Override
        protected void verifyPlaintextPassword(UsernameToken token, RequestData data) throws WSSecurityException {
            Message message = (Message) data.getMsgContext();
            JaasAuthenticator.Caller caller;
            try {
                caller = JaasAuthenticator.login(token.getName(), token.getPassword() == null ? "" : token.getPassword(), "http",
                        address(message));
            } catch (JaasAuthenticator.Throttled e) {
                throw throttled(e);
            }
            signedIn(message, caller);
        }

        @Override
        protected void verifyDigestPassword(UsernameToken token, RequestData data) throws WSSecurityException {
            Message message = (Message) data.getMsgContext();
            JaasAuthenticator.Caller caller;
            try {
                caller = KeyLogin.login(token.getName(), key -> digestMatches(token, key), keys, users, "http", address(message));
            } catch (JaasAuthenticator.Throttled e) {
                throw throttled(e);
            }
            signedIn(message, caller);
        }

        /** The digest compared in constant time: Base64(SHA-1(nonce + created + key)). */
        static boolean digestMatches(UsernameToken token, String key) {
            if (token.getPassword() == null || token.getNonce() == null || token.getCreated() == null) {
                return false;
            }
            try {
                String expected = UsernameTokenUtil.doPasswordDigest(Base64.getMimeDecoder().decode(token.getNonce()),
                        token.getCreated(), key.getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        token.getPassword().getBytes(StandardCharsets.US_ASCII));
            } catch (WSSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        private static void signedIn(Message message, JaasAuthenticator.Caller caller) {
            if (caller == null) {
                throw new AuthenticationException("Authentication failed");
            }
            message.put(CALLER, caller);
        }

        private static Fault throttled(JaasAuthenticator.Throttled e) {
            return new Fault(new ProblemException(429, "Too Many Requests", e.getMessage(), null));
        }

        private static String address(Message message) {
            HttpServletRequest request = message == null ? null : (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
            return request == null ? null : request.getRemoteAddr();
        }
    }
}
