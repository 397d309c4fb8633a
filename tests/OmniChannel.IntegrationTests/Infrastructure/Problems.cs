using System.Net;

namespace OmniChannel.IntegrationTests.Infrastructure;

public static class Problems
{
    /// <summary>The answer is RFC 7807 problem details with this status and stable code.</summary>
    public static async Task AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, (await response.ReadJsonAsync()).GetProperty("code").GetString());
        }
    }
}
