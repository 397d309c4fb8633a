using OmniChannel.Gateway;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;
using Yarp.ReverseProxy.ServiceDiscovery;
using Yarp.ReverseProxy.Transforms;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// The gateway refuses a request without a valid token before it reaches a service (which checks it again: its own
// port is reachable too); the caller's Authorization header travels on unchanged.
builder.AddPlatformSecurity();

builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddTransforms(transforms => transforms.AddRequestTransform(context =>
    {
        // CorrelationIdMiddleware has taken the caller's id or made one; every service sees the same id.
        if (context.HttpContext.Items[CorrelationIdMiddleware.HeaderName] is string correlationId)
        {
            context.ProxyRequest.Headers.Remove(CorrelationIdMiddleware.HeaderName);
            context.ProxyRequest.Headers.TryAddWithoutValidation(CorrelationIdMiddleware.HeaderName, correlationId);
        }
        return ValueTask.CompletedTask;
    }));
builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
builder.AddDestinationHealthChecks();
builder.AddClientRateLimits();

var app = builder.Build();
app.UseRateLimiter(); // first: a client over its limit costs no more work (its 429 is a problem of its own)
app.MapDefaultEndpoints();
app.MapGet("/", GatewayIndex.Describe).ExcludeFromDescription().AllowAnonymous();
app.MapReverseProxy().RequireRateLimiting(ClientRateLimits.Policy);
app.Run();
