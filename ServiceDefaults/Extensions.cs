using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Logging;
using OmniChannel.ServiceDefaults.OpenApi;
using OmniChannel.ServiceDefaults.Security;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every OmniChannel service shares, in the shape of an Aspire ServiceDefaults project:
/// telemetry, health, service discovery, resilient HttpClients, problem details and OpenAPI.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        OmniChannel.ServiceDefaults.Scheduling.TakeOwnSessionIfAsked(builder.Configuration);
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // A request that cannot be bound is thrown with its cause (everywhere, not only in Development), so that
        // BadRequestProblems answers it as a 4xx problem with the cause's code; nothing of it reaches a rule.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestProblems>();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCodes.AddTraceAndCorrelation);
        builder.Services.AddExceptionHandler<PostgresDataErrorHandler>();
        builder.AddPlatformOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json => RequestJson.Configure(json.SerializerOptions));
        builder.Services.Configure<RequestLimits>(builder.Configuration.GetSection(RequestLimits.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        EscapingLoggerFactory.Decorate(builder.Services);
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "Npgsql", "Marten", OmniChannel.ServiceDefaults.Telemetry.MeterName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, "MassTransit", "Npgsql", "Marten", OmniChannel.ServiceDefaults.Telemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspNet =>
                    aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation());

        // Exported only when an OTLP collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT), as under Aspire.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            builder.Services.AddOpenTelemetry().UseOtlpExporter();

        return builder;
    }

    /// <summary>
    /// /health/live answers while the process runs; /health/ready also checks every dependency tagged "ready". With
    /// <see cref="PlatformSecurity.AddPlatformSecurity"/>, every other endpoint needs a bearer token.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestGuard>(); // before the correlation id is taken into logs and answers
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UsePlatformSecurity();

        // Health and the OpenAPI documents are open: probes carry no token, and the documents describe the API, not data.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live") || check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteJson,
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
