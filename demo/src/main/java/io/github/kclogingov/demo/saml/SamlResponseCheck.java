package io.github.kclogingov.demo.saml;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.dom.saml.v2.SAML2Object;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AudienceRestrictionType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.dom.saml.v2.protocol.StatusCodeType;
import org.keycloak.rotation.KeyLocator;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.processing.api.saml.v2.response.SAML2Response;
import org.keycloak.saml.processing.core.saml.v2.util.AssertionUtil;
import org.w3c.dom.Document;

/**
 * Everything the service provider checks before it believes a response: the signatures ({@link
 * SignedDocument}), that it answers a request this browser sent and has not had answered yet
 * (InResponseTo), that it was sent here (Destination) by the realm (Issuer), and for a sign-in that
 * the assertion is for this service provider (Audience) and still valid (its Conditions' times).
 */
final class SamlResponseCheck {
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    private final SamlSpSettings settings;

    SamlResponseCheck(SamlSpSettings settings) {
        this.settings = settings;
    }

    /** The outcome of a trusted response: a sign-in, or the status of one that is not. */
    sealed interface Outcome permits SignedIn, NotSignedIn {}

    record SignedIn(SamlSignIn signIn, SamlLevel requested) implements Outcome {}

    record NotSignedIn(SamlStatus status) implements Outcome {}

    /**
     * @param pendingLevel takes (once) the request of this browser with the given ID: empty when
     *     there is none; its value is the level it asked for, or empty for none
     */
    Outcome check(
            String samlResponseParameter, KeyLocator keys, Function<String, Optional<Optional<SamlLevel>>> pendingLevel)
            throws SamlProblem {
        Document document = SignedDocument.verified(samlResponseParameter, keys);
        ResponseType response = parse(document);
        if (!settings.acsUrl().equals(response.getDestination())) {
            throw new SamlProblem(
                    "The response was sent to " + response.getDestination() + ", not to this service provider.");
        }
        if (response.getIssuer() == null
                || !settings.realmUrl().equals(response.getIssuer().getValue())) {
            throw new SamlProblem("The response does not come from the realm " + settings.realmUrl() + ".");
        }
        String inResponseTo = response.getInResponseTo();
        Optional<Optional<SamlLevel>> pending =
                inResponseTo == null ? Optional.empty() : pendingLevel.apply(inResponseTo);
        if (pending.isEmpty()) {
            throw new SamlProblem("The response does not answer a sign-in this browser started here"
                    + " (or answers one already used).");
        }
        SamlLevel requested = pending.get().orElse(null);
        StatusCodeType code =
                response.getStatus() == null ? null : response.getStatus().getStatusCode();
        if (code == null || code.getValue() == null) {
            throw new SamlProblem("The response has no status.");
        }
        if (!SUCCESS.equals(code.getValue().toString())) {
            StatusCodeType sub = code.getStatusCode();
            return new NotSignedIn(new SamlStatus(
                    code.getValue().toString(),
                    sub == null || sub.getValue() == null
                            ? null
                            : sub.getValue().toString(),
                    response.getStatus().getStatusMessage(),
                    requested));
        }
        if (response.getAssertions().size() != 1
                || response.getAssertions().get(0).getAssertion() == null) {
            throw new SamlProblem("The response says Success but holds no assertion.");
        }
        AssertionType assertion = response.getAssertions().get(0).getAssertion();
        checkAssertion(assertion);
        return new SignedIn(AssertionContents.of(assertion), requested);
    }

    private void checkAssertion(AssertionType assertion) throws SamlProblem {
        if (assertion.getIssuer() == null
                || !settings.realmUrl().equals(assertion.getIssuer().getValue())) {
            throw new SamlProblem("The assertion does not come from the realm " + settings.realmUrl() + ".");
        }
        boolean forUs = assertion.getConditions() != null
                && assertion.getConditions().getConditions().stream()
                        .filter(AudienceRestrictionType.class::isInstance)
                        .map(AudienceRestrictionType.class::cast)
                        .anyMatch(restriction -> restriction.getAudience().contains(URI.create(settings.entityId())));
        if (!forUs) {
            throw new SamlProblem(
                    "The assertion is not addressed to this service provider (" + settings.entityId() + ").");
        }
        try {
            if (AssertionUtil.hasExpired(assertion)) {
                throw new SamlProblem("The assertion has expired (or is not valid yet); sign in again.");
            }
        } catch (ConfigurationException e) {
            throw new SamlProblem("The assertion's validity cannot be read.", e);
        }
    }

    private static ResponseType parse(Document document) throws SamlProblem {
        try {
            SAML2Object object =
                    SAML2Response.getSAML2ObjectFromDocument(document).getSamlObject();
            if (object instanceof ResponseType response) {
                return response;
            }
            throw new SamlProblem("What was posted is not a SAML Response.");
        } catch (ProcessingException | ParsingException e) {
            throw new SamlProblem("The response is not a SAML Response this service provider can read.", e);
        }
    }
}
