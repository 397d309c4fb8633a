using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.UnitTests.Security;

/// <summary>Issue 12, messages carry who started them: who a token names, and the header that carries it.</summary>
public sealed class InitiatorTests
{
    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer", PlatformClaims.Subject, PlatformClaims.Role));

    private static readonly ClaimsPrincipal HoustonCashier = Token(
        (PlatformClaims.Subject, "1001"), (PlatformClaims.Role, PlatformRoles.Terminal), (PlatformClaims.StoreId, "HOUSTON"),
        (PlatformClaims.TerminalId, "T1"), (PlatformClaims.Role, PlatformRoles.Cashier), (PlatformClaims.OperatorId, "1001"),
        (PlatformClaims.PermissionGroup, "cashier"));

    [Fact]
    public void A_cashiers_token_names_the_cashier_by_operator_id_at_the_terminals_store()
    {
        Assert.Equal(new Initiator(InitiatorKinds.Cashier, "1001", "HOUSTON", "T1"), Initiator.Of(HoustonCashier));
    }

    [Theory]
    [InlineData(PlatformRoles.Terminal, "terminal-houston-1", "HOUSTON")]
    [InlineData(PlatformRoles.Storefront, "storefront-web-us", null)]
    [InlineData(PlatformRoles.Operator, "operator-console", null)]
    [InlineData(PlatformRoles.Merchandiser, "merchandising", null)]
    [InlineData(PlatformRoles.Service, "order-worker", null)]
    public void Every_other_principal_is_named_by_its_role_and_client_id(string role, string clientId, string? store)
    {
        (string, string)[] claims = [(PlatformClaims.Subject, clientId), (PlatformClaims.Role, role)];
        if (store is not null)
            claims = [.. claims, (PlatformClaims.StoreId, store)];

        var initiator = Initiator.Of(Token(claims));

        Assert.Equal(new Initiator(role, clientId, store), initiator);
    }

    [Fact]
    public void An_anonymous_caller_or_a_token_without_a_subject_names_nobody()
    {
        Assert.Null(Initiator.Of(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(Initiator.Of(Token((PlatformClaims.Role, PlatformRoles.Operator))));
        Assert.Equal(InitiatorKinds.Unknown, Initiator.Of(Token((PlatformClaims.Subject, "someone")))!.Kind);
    }

    [Fact]
    public void The_header_reads_back_as_written()
    {
        var cashier = Initiator.Of(HoustonCashier)!;

        Assert.Equal("""{"kind":"cashier","id":"1001","storeId":"HOUSTON","terminalId":"T1"}""", cashier.ToHeader());
        Assert.Equal(cashier, Initiator.Parse(cashier.ToHeader()));
        Assert.Equal(Initiator.Service("payment"), Initiator.Parse(Initiator.Service("payment").ToHeader()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cashier 1001")]                                  // not JSON
    [InlineData("""{"kind":"admin","id":"1"}""")]                 // not a kind of this platform
    [InlineData("""{"kind":"cashier","id":""}""")]                // nobody
    [InlineData("""{"kind":"cashier"}""")]
    [InlineData("""{"kind":"cashier","id":"10\u000a01"}""")]      // a control character: no forged log line
    [InlineData("""[{"kind":"cashier","id":"1001"}]""")]
    public void A_header_this_platform_did_not_write_names_nobody(string? header) => Assert.Null(Initiator.Parse(header));

    [Fact]
    public void An_oversized_header_is_not_read() =>
        Assert.Null(Initiator.Parse(new Initiator(InitiatorKinds.Service, new string('x', 2000)).ToHeader()));

    [Fact]
    public void An_events_header_reads_back_as_Marten_stored_it()
    {
        var cashier = new Initiator(InitiatorKinds.Cashier, "1001", "HOUSTON", "T1");
        // Marten writes the record with its own naming and hands headers back as JSON elements.
        var stored = JsonSerializer.Deserialize<Dictionary<string, object>>(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [Initiator.EventHeader] = cashier, ["text"] = cashier.ToHeader(),
        }))!;

        Assert.Equal(cashier, Initiator.From(stored[Initiator.EventHeader]));
        Assert.Equal(cashier, Initiator.From(stored["text"]));
        Assert.Equal(cashier, Initiator.From(cashier));
        Assert.Null(Initiator.From(42));
        Assert.Null(Initiator.From(null));
    }

    [Theory]
    [InlineData("cashier", "1001", "HOUSTON", "T1", "cashier 1001 (HOUSTON T1)")]
    [InlineData("terminal", "terminal-houston-1", "HOUSTON", null, "terminal terminal-houston-1 (HOUSTON)")]
    [InlineData("service", "order-worker", null, null, "service order-worker")]
    public void In_logs_it_reads_as_a_sentence(string kind, string id, string? store, string? terminal, string expected) =>
        Assert.Equal(expected, new Initiator(kind, id, store, terminal).ToString());

    [Fact]
    public void A_scope_is_its_services_own_until_a_request_or_a_message_names_someone()
    {
        var initiators = new InitiatorAccessor(new OwnInitiator(Initiator.Service("pickup")));
        Assert.Equal(Initiator.Service("pickup"), initiators.Current);
        Assert.Null(initiators.Assigned);

        initiators.Set(Initiator.Of(HoustonCashier)!);
        Assert.Equal("1001", initiators.Current.Id);
    }

    [Fact]
    public void A_message_keeps_the_initiator_it_was_given_and_gets_the_scopes_otherwise()
    {
        var cashier = Initiator.Of(HoustonCashier)!;
        SendHeaders given = new DictionarySendHeaders();
        given.Set(Initiator.Header, cashier.ToHeader());
        InitiatorHeader.SetIfAbsent(given, Initiator.Service("order-worker"));
        Assert.Equal(cashier, Initiator.Parse(given.Get<string>(Initiator.Header)));

        SendHeaders none = new DictionarySendHeaders();
        InitiatorHeader.SetIfAbsent(none, Initiator.Service("order-worker"));
        Assert.Equal(Initiator.Service("order-worker"), Initiator.Parse(none.Get<string>(Initiator.Header)));

        SendHeaders forged = new DictionarySendHeaders();
        forged.Set(Initiator.Header, "operator everyone");
        InitiatorHeader.SetIfAbsent(forged, Initiator.Service("order-worker"));
        Assert.Equal(Initiator.Service("order-worker"), Initiator.Parse(forged.Get<string>(Initiator.Header)));
    }

    [Fact]
    public void The_trace_and_the_log_scope_name_it()
    {
        using var activity = new Activity("POST /api/orders").Start();
        InitiatorTelemetry.Tag(activity, new Initiator(InitiatorKinds.Cashier, "1001", "HOUSTON", "T1"));

        Assert.Equal("cashier", activity.GetTagItem(InitiatorTelemetry.KindTag));
        Assert.Equal("1001", activity.GetTagItem(InitiatorTelemetry.IdTag));
        Assert.Equal("HOUSTON", activity.GetTagItem(InitiatorTelemetry.StoreTag));
        Assert.Equal("cashier 1001 (HOUSTON T1)", InitiatorTelemetry.Scope(new Initiator("cashier", "1001", "HOUSTON", "T1"))["Initiator"]);
    }
}
