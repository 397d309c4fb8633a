using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Xunit.Sdk;

[assembly: OmniChannel.IntegrationTests.Infrastructure.ReconcileAfterEachTest]

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// Issue 12: "the reconciliation holds after every scenario". After each test of the platform collection, the orders
/// changed since the test began are reconciled as an operator does it (<c>POST /operations/reconciliation</c> on the order
/// resource's own port: status, ledger and processor agree). Payments settle through messages, so a difference may be in
/// flight when the test ends: the check is repeated until none is left, and fails the test with the differences if one
/// is still there at the deadline.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReconcileAfterEachTestAttribute : BeforeAfterTestAttribute
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly AsyncLocal<DateTimeOffset?> Started = new();

    public override void Before(MethodInfo methodUnderTest) =>
        Started.Value = UsesPlatform(methodUnderTest) ? DateTimeOffset.UtcNow.AddSeconds(-2) : null; // a little clock slack with PostgreSQL's

    public override void After(MethodInfo methodUnderTest)
    {
        if (Started.Value is not { } since || PlatformFixture.Current is not { } platform)
            return;
        Task.Run(() => AssertAgreeAsync(platform, since)).GetAwaiter().GetResult();
    }

    private static bool UsesPlatform(MethodInfo method) =>
        method.DeclaringType?.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute)
                                                                 && a.ConstructorArguments is [{ Value: PlatformCollection.Name }]) == true;

    private static async Task AssertAgreeAsync(PlatformFixture platform, DateTimeOffset since)
    {
        var operatorAtOrder = platform.As(Principal.Operator, "order-worker");
        var path = $"/operations/reconciliation?changedSince={Uri.EscapeDataString(since.ToString("O"))}";
        var until = DateTime.UtcNow + Deadline;
        JsonElement run;
        while (true)
        {
            using var response = await operatorAtOrder.PostAsync(path, null);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new XunitException($"The reconciliation after the test answered {(int)response.StatusCode}: {body}");
            run = JsonDocument.Parse(body).RootElement.Clone();
            if (run.GetProperty("disagreeing").GetArrayLength() == 0 || DateTime.UtcNow > until)
                break;
            await Task.Delay(500); // poll: a capture, refund or void is still on its way
        }
        if (run.GetProperty("disagreeing").GetArrayLength() > 0)
            throw new XunitException($"After the test, {run.GetProperty("disagreeing").GetArrayLength()} order(s) disagree with their money: "
                                     + run.GetProperty("disagreeing"));
    }
}
