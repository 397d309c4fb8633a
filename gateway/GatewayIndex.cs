namespace OmniChannel.Gateway;

/// <summary>What a newcomer sees at the gateway's root: where each service's API and OpenAPI document are.</summary>
internal static class GatewayIndex
{
    private static readonly string[] Services = ["orders", "inventory", "payments", "pickups", "pricing"];

    public static object Describe() => new
    {
        name = "OmniChannel gateway",
        health = "/health/ready",
        services = Services.Select(service => new { api = $"/api/{service}", openApi = $"/openapi/{service}/v1.json" }),
    };
}
