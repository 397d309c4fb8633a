using System.Runtime.CompilerServices;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>Tests wait by polling with a deadline, never by a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what, TimeSpan? interval = null)
        where T : class
    {
        var until = DateTime.UtcNow + deadline;
        Exception? last = null;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (await probe() is { } result)
                    return result;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                last = exception;
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100)); // poll
        }
        throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0} s waiting for {what}.", last);
    }

    public static async Task<T> UntilValueAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what) where T : struct =>
        ((StrongBox<T>)await UntilAsync<object>(async () => await probe() is { } value ? new StrongBox<T>(value) : null, deadline, what)).Value;

    public static Task UntilAsync(Func<Task<bool>> probe, TimeSpan deadline, string what) =>
        UntilAsync<object>(async () => await probe() ? new object() : null, deadline, what);
}
