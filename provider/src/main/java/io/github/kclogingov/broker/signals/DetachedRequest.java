package io.github.kclogingov.broker.signals;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.common.ClientConnection;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;

/**
 * The push request as the background logout sees it, after the answer has gone: its URLs (Keycloak
 * builds the logout token's issuer from them) and no headers, cookies or body. A Keycloak session
 * outside an HTTP request has no request at all, and Keycloak's back-channel logout asks for one.
 */
final class DetachedRequest implements HttpRequest {

    private final URI baseUri;
    private final URI requestUri;

    DetachedRequest(URI baseUri, URI requestUri) {
        this.baseUri = baseUri;
        this.requestUri = requestUri;
    }

    /** The URLs of the current request, copied: the request object itself is recycled after the answer. */
    static DetachedRequest of(HttpRequest request) {
        UriInfo uri = request.getUri();
        return new DetachedRequest(uri.getBaseUri(), uri.getRequestUri());
    }

    @Override
    public String getHttpMethod() {
        return "POST";
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public HttpHeaders getHttpHeaders() {
        return NO_HEADERS;
    }

    @Override
    public X509Certificate[] getClientCertificateChain() {
        return null;
    }

    /** The URL parts Keycloak reads; any other question is unsupported. */
    @Override
    public UriInfo getUri() {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    return switch (method.getName()) {
                        case "getBaseUri" -> baseUri;
                        case "getBaseUriBuilder" -> UriBuilder.fromUri(baseUri);
                        case "getRequestUri", "getAbsolutePath" -> requestUri;
                        case "getRequestUriBuilder", "getAbsolutePathBuilder" -> UriBuilder.fromUri(requestUri);
                        case "getPath" -> baseUri.relativize(requestUri).getPath();
                        case "getQueryParameters", "getPathParameters" -> new MultivaluedHashMap<String, String>();
                        case "resolve" -> baseUri.resolve((URI) args[0]);
                        case "toString" -> "DetachedRequest[" + requestUri + "]";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    @Override
    public boolean isProxyTrusted() {
        return false;
    }

    /** The caller's address, copied for the same reason as the URLs. */
    static ClientConnection connectionOf(ClientConnection connection) {
        String remoteAddr = connection == null ? "127.0.0.1" : connection.getRemoteAddr();
        String remoteHost = connection == null ? remoteAddr : connection.getRemoteHost();
        int remotePort = connection == null ? 0 : connection.getRemotePort();
        String localAddr = connection == null ? "127.0.0.1" : connection.getLocalAddr();
        int localPort = connection == null ? 0 : connection.getLocalPort();
        return new ClientConnection() {
            @Override
            public String getRemoteAddr() {
                return remoteAddr;
            }

            @Override
            public String getRemoteHost() {
                return remoteHost;
            }

            @Override
            public int getRemotePort() {
                return remotePort;
            }

            @Override
            public String getLocalAddr() {
                return localAddr;
            }

            @Override
            public int getLocalPort() {
                return localPort;
            }
        };
    }

    private static final HttpHeaders NO_HEADERS = new HttpHeaders() {
        @Override
        public List<String> getRequestHeader(String name) {
            return List.of();
        }

        @Override
        public String getHeaderString(String name) {
            return null;
        }

        @Override
        public MultivaluedMap<String, String> getRequestHeaders() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public List<MediaType> getAcceptableMediaTypes() {
            return List.of(MediaType.WILDCARD_TYPE);
        }

        @Override
        public List<Locale> getAcceptableLanguages() {
            return List.of();
        }

        @Override
        public MediaType getMediaType() {
            return null;
        }

        @Override
        public Locale getLanguage() {
            return null;
        }

        @Override
        public Map<String, Cookie> getCookies() {
            return Map.of();
        }

        @Override
        public Date getDate() {
            return null;
        }

        @Override
        public int getLength() {
            return -1;
        }
    };
}
