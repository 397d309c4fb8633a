using OmniChannel.Identity.Principals;
using OmniChannel.Identity.Tokens;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.UnitTests.Security;

/// <summary>Issue 12: which claims each principal's token carries, and when a cashier's sign-in is refused.</summary>
public sealed class SignInRulesTests
{
    private static readonly PrincipalDirectory Directory = new(
        new SigningKeyFile("unused", "unused"),
        [new TerminalClient("houston-1", "s", "HOUSTON", "T1"), new TerminalClient("seattle-1", "s", "SEATTLE", "T1")],
        [new Cashier("1001", "Ana", "pw-1001", "cashier", ["HOUSTON"]), new Cashier("1002", "Marcus", "pw-1002", "manager", ["HOUSTON", "SEATTLE"])],
        [new StorefrontClient("web", "s", "WEB-US")],
        [new RoleClient("merch", "s", PlatformRoles.Merchandiser), new RoleClient("order", "s", PlatformRoles.Service)]);

    private static string[] Values(SignIn signIn, string type) => signIn.Claims.Where(c => c.Type == type).Select(c => c.Value).ToArray();

    [Fact]
    public void A_terminal_acts_as_itself_for_its_store()
    {
        var signIn = SignInRules.Client(Directory, "seattle-1");

        Assert.Null(signIn.Refusal);
        Assert.Equal(["seattle-1"], Values(signIn, PlatformClaims.Subject));
        Assert.Equal([PlatformRoles.Terminal], Values(signIn, PlatformClaims.Role));
        Assert.Equal(["SEATTLE"], Values(signIn, PlatformClaims.StoreId));
        Assert.Equal(["T1"], Values(signIn, PlatformClaims.TerminalId));
    }

    [Theory]
    [InlineData("web", PlatformRoles.Storefront)]
    [InlineData("merch", PlatformRoles.Merchandiser)]
    [InlineData("order", PlatformRoles.Service)]
    public void Other_clients_get_their_one_role(string clientId, string role)
    {
        var signIn = SignInRules.Client(Directory, clientId);

        Assert.Equal([role], Values(signIn, PlatformClaims.Role));
        Assert.Empty(Values(signIn, PlatformClaims.StoreId));
    }

    [Fact]
    public void A_cashier_on_a_terminal_of_their_store_carries_both_and_the_permission_group()
    {
        var signIn = SignInRules.Cashier(Directory, "houston-1", "1002", "pw-1002");

        Assert.Null(signIn.Refusal);
        Assert.Equal(["1002"], Values(signIn, PlatformClaims.Subject));
        Assert.Equal([PlatformRoles.Terminal, PlatformRoles.Cashier], Values(signIn, PlatformClaims.Role));
        Assert.Equal(["HOUSTON"], Values(signIn, PlatformClaims.StoreId));
        Assert.Equal(["1002"], Values(signIn, PlatformClaims.OperatorId));
        Assert.Equal(["manager"], Values(signIn, PlatformClaims.PermissionGroup));
    }

    [Theory]
    [InlineData("seattle-1", "1001", "pw-1001", "identity.other_store")]  // a HOUSTON cashier at a SEATTLE terminal
    [InlineData("houston-1", "1001", "wrong", "identity.sign_in_failed")]
    [InlineData("houston-1", "9999", "pw-1001", "identity.sign_in_failed")] // unknown operator: the same answer as a wrong password
    [InlineData("houston-1", "1001", null, "identity.sign_in_failed")]
    [InlineData("web", "1001", "pw-1001", "identity.not_a_terminal")]
    public void A_cashier_sign_in_is_refused(string clientId, string operatorId, string? password, string code)
    {
        var signIn = SignInRules.Cashier(Directory, clientId, operatorId, password);

        Assert.Equal(code, signIn.Refusal?.Code);
        Assert.Empty(signIn.Claims);
    }
}
