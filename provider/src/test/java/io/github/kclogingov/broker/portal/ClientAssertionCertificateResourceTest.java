package io.github.kclogingov.broker.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class ClientAssertionCertificateResourceTest {

    private static RealmModel realmNamed(String name) {
        return (RealmModel) Proxy.newProxyInstance(
                RealmModel.class.getClassLoader(),
                new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> "getName".equals(method.getName()) ? name : null);
    }

    @Test
    void the_file_is_named_after_realm_and_alias() {
        assertEquals(
                "logingov-demo-logingov.pem",
                ClientAssertionCertificateResource.fileName(realmNamed("demo"), "logingov"));
    }

    @Test
    void characters_that_could_break_the_header_are_replaced() {
        assertEquals(
                "logingov-a_b-x__y_.pem", ClientAssertionCertificateResource.fileName(realmNamed("a\"b"), "x\r\ny;"));
    }
}
