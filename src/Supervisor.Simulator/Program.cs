namespace Supervisor.Simulator;

/// <summary>Runs the exchange simulator on its own.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("supervisor simulator: not yet available.");
        return 2;
    }
}
