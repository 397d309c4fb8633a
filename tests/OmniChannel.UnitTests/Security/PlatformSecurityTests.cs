using Microsoft.AspNetCore.Authorization;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.UnitTests.Security;

/// <summary>Issue 12: where plain-HTTP metadata is allowed, and what a refusal says.</summary>
public sealed class PlatformSecurityTests
{
    [Theory]
    [InlineData("http://localhost:5100/", true, false)]
    [InlineData("http://127.0.0.1:5100/", true, false)]
    [InlineData("http://127.0.0.1:5100/", false, true)]          // never outside development
    [InlineData("http://identity.internal:5100/", true, true)]  // never off this machine
    [InlineData("https://login.microsoftonline.com/tenant/v2.0", false, true)]
    public void Signing_keys_come_over_HTTPS_except_from_a_loopback_authority_in_development(string authority, bool development, bool https) =>
        Assert.Equal(https, PlatformSecurity.RequiresHttpsMetadata(new Uri(authority), development));

    [Fact]
    public void A_401_says_whether_a_token_was_missing_or_refused()
    {
        Assert.Equal("auth.token_missing", PlatformSecurity.Challenge(tokenGiven: false).Code);
        Assert.Equal("auth.token_invalid", PlatformSecurity.Challenge(tokenGiven: true).Code);
    }

    [Fact]
    public void A_403_names_the_roles_that_may()
    {
        var options = new AuthorizationOptions();
        PlatformPolicies.Configure(options);

        Assert.Equal("Only a token of role terminal or cashier may make this request.",
            ProblemAuthorizationResultHandler.ForbiddenDetail(options.GetPolicy(PlatformPolicies.StoreWork)!));
        Assert.NotNull(options.FallbackPolicy);
    }

    [Theory]
    [InlineData(3600, 3540)] // an hour's token: renewed a minute before it expires
    [InlineData(60, 30)]     // a short-lived one: half-way
    public void A_service_token_is_renewed_before_it_expires(int lifetimeSeconds, int renewAfterSeconds)
    {
        var issued = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(issued.AddSeconds(renewAfterSeconds), ServiceTokens.RenewAt(issued, issued.AddSeconds(lifetimeSeconds)));
    }
}
