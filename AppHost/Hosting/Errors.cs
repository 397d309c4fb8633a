namespace OmniChannel.AppHost.Hosting;

/// <summary>A problem AppHost explains in one message and exits on, without a stack trace.</summary>
internal class AppHostException(string message) : Exception(message);

/// <summary>A resource that exited or stayed unhealthy: AppHost names it and shows the end of its output.</summary>
internal sealed class ResourceFailedException(string resource, string message) : AppHostException(message)
{
    public string Resource { get; } = resource;
}
