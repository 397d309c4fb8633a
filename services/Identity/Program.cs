using OmniChannel.Identity;
using OmniChannel.Identity.Principals;
using OmniChannel.Identity.Tokens;

// The platform's token service in development and tests: OpenIddict's server issues JWT access tokens (signed, not
// encrypted, so every service's JwtBearer checks them with the keys of its JWKS) to the principals of a dev-only file.
// Elsewhere the retailer's own identity provider takes its place (Identity:Authority of every service).
var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment())
    throw new InvalidOperationException("The embedded token service runs in development and tests only: its principals and signing key are public.");
builder.AddServiceDefaults();
builder.AddTokenServer();
builder.Services.AddHostedService<ClientSeeder>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseAuthentication(); // OpenIddict's server answers its endpoints from the authentication middleware
app.MapTokenEndpoint();
app.Run();
