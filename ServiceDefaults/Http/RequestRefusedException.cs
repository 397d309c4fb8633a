using System.Text.Json;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// A request body refused while it is read, with the stable code of its problem details. A <see cref="JsonException"/>,
/// so System.Text.Json adds where in the body it was and minimal APIs report it as a bad request (see <see cref="BadRequestProblems"/>).
/// </summary>
public sealed class RequestRefusedException(string code, string message) : JsonException(message)
{
    public string Code { get; } = code;
}
