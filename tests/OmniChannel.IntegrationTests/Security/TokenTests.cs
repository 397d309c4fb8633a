using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Security;

/// <summary>
/// Issue 12: the platform's token service signs in its principals with the claims later rules read, and refuses a
/// cashier at another store's terminal; the gateway and the services accept only its tokens, unexpired, for the
/// platform's audience.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TokenTests(PlatformFixture platform)
{
    private const string Read = "/api/inventory/products/81120";

    [Theory]
    [InlineData("HoustonCashier", "1001", "cashier")]
    [InlineData("HoustonManager", "1002", "manager")]
    public async Task A_cashier_token_carries_the_terminal_the_operator_and_the_permission_group(string name, string operatorId, string group)
    {
        var principal = name == "HoustonCashier" ? Principal.HoustonCashier : Principal.HoustonManager;
        var token = new JsonWebToken(await platform.Platform.Tokens.TokenAsync(principal));

        Assert.Equal(["terminal", "cashier"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order().Reverse());
        Assert.Equal(operatorId, token.GetClaim("operator_id").Value);
        Assert.Equal(group, token.GetClaim("permission_group").Value);
        Assert.Equal("HOUSTON", token.GetClaim("store_id").Value);
        Assert.Equal("T1", token.GetClaim("terminal_id").Value);
        Assert.Equal(["omnichannel"], token.Audiences);
    }

    [Fact]
    public async Task A_terminal_a_storefront_and_the_back_office_get_their_roles()
    {
        async Task<JsonWebToken> Of(Principal principal) => new(await platform.Platform.Tokens.TokenAsync(principal));

        var seattle = await Of(Principal.SeattleTerminal);
        Assert.Equal(("terminal", "SEATTLE", "T1"), (seattle.GetClaim("role").Value, seattle.GetClaim("store_id").Value, seattle.GetClaim("terminal_id").Value));
        var storefront = await Of(Principal.Storefront);
        Assert.Equal(("storefront", "WEB-US"), (storefront.GetClaim("role").Value, storefront.GetClaim("storefront_id").Value));
        Assert.Equal("merchandiser", (await Of(Principal.Merchandiser)).GetClaim("role").Value);
        Assert.Equal("operator", (await Of(Principal.Operator)).GetClaim("role").Value);
        Assert.Equal("service", (await Of(Principal.Service("order"))).GetClaim("role").Value);
    }

    [Fact]
    public async Task A_SEATTLE_cashier_cannot_sign_in_at_a_HOUSTON_terminal()
    {
        using var refused = await platform.Platform.Tokens.RequestAsync(Principal.SeattleCashierAtHouston);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var answer = await refused.ReadJsonAsync();
        Assert.Equal("invalid_grant", answer.GetProperty("error").GetString());
        Assert.StartsWith("identity.other_store:", answer.GetProperty("error_description").GetString());
        Assert.False(answer.TryGetProperty("access_token", out _));
        // The same cashier signs in at a terminal of their own store.
        Assert.Equal("SEATTLE", new JsonWebToken(await platform.Platform.Tokens.TokenAsync(Principal.SeattleCashier)).GetClaim("store_id").Value);
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("inventory")]
    public async Task Only_an_unexpired_token_of_the_platforms_key_for_its_audience_is_accepted(string resource)
    {
        var issuer = (await platform.Gateway.GetFromJsonElementAsync(
            new Uri(platform.Platform.Endpoint("identity"), "/.well-known/openid-configuration").ToString())).GetProperty("issuer").GetString()!;
        var (keyId, pem) = PlatformTokens.DevelopmentSigningKey;
        var platformKey = RsaKey(keyId, pem);
        var now = DateTime.UtcNow;

        // Signed as the token service signs: accepted (so each refusal below is for its one flaw).
        using (var accepted = await GetAsync(resource, Sign(platformKey, issuer, "omnichannel", now.AddMinutes(-1), now.AddMinutes(10))))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        using var forgedKey = RSA.Create(2048);
        string[] refused =
        [
            Sign(new RsaSecurityKey(forgedKey) { KeyId = keyId }, issuer, "omnichannel", now.AddMinutes(-1), now.AddMinutes(10)), // forged
            Sign(platformKey, issuer, "omnichannel", now.AddHours(-2), now.AddHours(-1)),                                         // expired
            Sign(platformKey, issuer, "loyalty-api", now.AddMinutes(-1), now.AddMinutes(10)),                                     // another audience
            Sign(platformKey, "https://identity.example.com/", "omnichannel", now.AddMinutes(-1), now.AddMinutes(10)),            // another issuer
            "not-a-jwt",
        ];
        foreach (var token in refused)
            await Problems.AssertAsync(await GetAsync(resource, token), HttpStatusCode.Unauthorized, "auth.token_invalid");
    }

    private async Task<HttpResponseMessage> GetAsync(string resource, string token)
    {
        using var client = new HttpClient { BaseAddress = platform.Platform.Endpoint(resource) };
        var request = new HttpRequestMessage(HttpMethod.Get, Read);
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request);
    }

    private static RsaSecurityKey RsaKey(string keyId, string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    /// <summary>A terminal's token as the token service would sign it, but for the given key, issuer, audience and lifetime.</summary>
    private static string Sign(SecurityKey key, string issuer, string audience, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "terminal-houston-1", ["role"] = "terminal", ["store_id"] = "HOUSTON", ["terminal_id"] = "T1",
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
}
