<#--
  The identity-provider buttons of the logingov theme (replaces keycloak.v2's list, which it
  follows except where Login.gov's partner guidance differs):
  - Login.gov providers are recognised by type (login.gov), never by alias; their label is
    "Sign in with Login.gov" in the user's language, and it is the link's text, so it is also its
    accessible name (no aria-label that could drift from what is shown);
  - the buttons are always stacked, one per line, all the same width and height (keycloak.v2
    switches to a two-column grid above three providers; the guidance asks for a stack);
  - the variant and size come from theme.properties (logingovButtonVariant, logingovButtonSize);
    an unknown value falls back to the default rather than leaving the button unstyled.
  Several Login.gov providers: each button reads "Sign in with Login.gov (<display name>)", so
  that they differ. A display name that is blank, "Login.gov" or shared with another Login.gov
  provider cannot tell them apart, so the alias is used instead (the admin is warned on save).
-->
<#macro show social>
  <#local variant = properties.logingovButtonVariant!"primary">
  <#if !["primary", "outline", "light"]?seq_contains(variant)><#local variant = "primary"></#if>
  <#local size = properties.logingovButtonSize!"default">
  <#if !["default", "big"]?seq_contains(size)><#local size = "default"></#if>
  <#local loginGovNames = []>
  <#list social.providers as provider>
    <#if provider.providerId == "login.gov">
      <#local loginGovNames = loginGovNames + [(provider.displayName!"")?trim]>
    </#if>
  </#list>
  <div class="${properties.kcLoginMainFooterBand!}">
    <span class="${properties.kcLoginMainFooterBandItem!} ${properties.kcLoginMainFooterHelperText!}">${msg("identity-provider-login-label")}</span>
  </div>
  <div id="kc-social-providers" class="${properties.kcFormSocialAccountSectionClass!}">
    <ul class="${properties.kcFormSocialAccountListClass!} logingov-size-${size}">
      <#list social.providers as provider>
        <#local buttonClass = properties.kcFormSocialAccountListButtonClass!>
        <#if provider.providerId == "login.gov">
          <#local buttonClass = buttonClass + " logingov-button logingov-button--" + variant>
          <#if loginGovNames?size lt 2>
            <#local label = msg("logingovSignIn")>
          <#else>
            <#local name = (provider.displayName!"")?trim>
            <#local sameName = 0>
            <#list loginGovNames as other><#if other == name><#local sameName = sameName + 1></#if></#list>
            <#if name?has_content && name != "Login.gov" && sameName == 1>
              <#local label = msg("logingovSignInNamed", name)>
            <#else>
              <#local label = msg("logingovSignInNamed", provider.alias)>
            </#if>
          </#if>
        <#else>
          <#local label = provider.displayName!provider.alias>
        </#if>
        <li class="${properties.kcFormSocialAccountListItemClass!}">
          <a id="social-${provider.alias}" href="${provider.loginUrl}" type="button" class="${buttonClass}"
             data-once-link data-disabled-class="${properties.kcFormSocialAccountListButtonDisabledClass!}">
            <span class="${provider.iconClasses!} ${properties.kcFormSocialAccountNameClass!}">${label}</span>
          </a>
        </li>
      </#list>
    </ul>
    <#if loginGovNames?has_content>
      <p class="logingov-what-is">
        <a href="${msg("logingovWhatIsUrl")}" target="_blank" rel="noopener noreferrer">${msg("logingovWhatIs")}</a>
      </p>
    </#if>
  </div>
</#macro>
