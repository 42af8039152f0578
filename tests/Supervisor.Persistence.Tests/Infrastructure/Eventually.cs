namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>Polls for something that happens after an acknowledgement (a snapshot is saved after the events it covers), with a deadline.</summary>
public static class Eventually
{
    /// <summary>Returns the first non-null result of <paramref name="probe"/>, or fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task<T> ResultAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await probe() is { } result)
            {
                return result;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting for {what} after {timeout ?? TimeSpan.FromSeconds(15)}.");
            }
            await Task.Delay(50);
        }
    }
}
