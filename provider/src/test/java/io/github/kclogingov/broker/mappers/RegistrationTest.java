package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.IdentityProviderMapper;

class RegistrationTest {

    @Test
    void the_three_mappers_are_registered_with_keycloak() {
        Set<Class<?>> registered = ServiceLoader.load(IdentityProviderMapper.class).stream()
                .map(ServiceLoader.Provider::type)
                .collect(Collectors.toSet());
        assertTrue(
                registered.containsAll(
                        Set.of(LoginGovAttributeMapper.class, LoginGovAddressMapper.class, LoginGovSsnMapper.class)),
                registered.toString());
    }
}
