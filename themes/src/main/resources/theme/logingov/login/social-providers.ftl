<#--
  The identity-provider buttons of the logingov theme (replaces keycloak.v2's list).
  Login.gov's partner guidance asks for the label "Sign in with Login.gov" in the user's
  language; the provider's display name stays "Login.gov" for the other pages that show it.
  Providers are recognised by type (logingov-oidc), never by alias. Other providers get a
  plain text button with their display name.
-->
<#macro show social>
  <#assign loginGovShown = false>
  <div class="${properties.kcLoginMainFooterBand!}">
    <span class="${properties.kcLoginMainFooterBandItem!} ${properties.kcLoginMainFooterHelperText!}">${msg("identity-provider-login-label")}</span>
  </div>
  <div id="kc-social-providers" class="${properties.kcFormSocialAccountSectionClass!}">
    <ul class="${properties.kcFormSocialAccountListClass!}">
      <#list social.providers as provider>
        <#if provider.providerId == "logingov-oidc">
          <#assign loginGovShown = true>
          <#local label = msg("logingovSignIn")>
        <#else>
          <#local label = provider.displayName!provider.alias>
        </#if>
        <li class="${properties.kcFormSocialAccountListItemClass!}">
          <a id="social-${provider.alias}" href="${provider.loginUrl}" type="button" aria-label="${label}"
             class="${properties.kcFormSocialAccountListButtonClass!}"
             data-once-link data-disabled-class="${properties.kcFormSocialAccountListButtonDisabledClass!}">
            <span class="${provider.iconClasses!} ${properties.kcFormSocialAccountNameClass!}">${label}</span>
          </a>
        </li>
      </#list>
    </ul>
    <#if loginGovShown>
      <p class="logingov-what-is">
        <a href="${msg("logingovWhatIsUrl")}" target="_blank" rel="noopener noreferrer">${msg("logingovWhatIs")}</a>
      </p>
    </#if>
  </div>
</#macro>
