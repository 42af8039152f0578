namespace Supervisor.Host.Tests.Cli;

/// <summary>
/// The README's two set-up commands, each run as written, as a child process, in a copy of the repository with
/// nothing beside it (no shared folder, no build output): the demo on its defaults, and the whole test suite.
/// </summary>
/// <remarks>
/// The test command runs this suite again inside the copy; there <see cref="NestedVariable"/> is set and these two
/// tests return at once instead of starting a third level. Everything else of the nested run counts: its exit code
/// is asserted here.
/// </remarks>
public sealed class ReadmeCommandsTests(RepositoryCopy copy) : IClassFixture<RepositoryCopy>
{
    private const string NestedVariable = "SUPERVISOR_README_NESTED";

    private static bool Nested => Environment.GetEnvironmentVariable(NestedVariable) == "1";

    [Fact]
    public void The_set_up_section_has_exactly_two_commands_the_demo_and_the_tests()
    {
        Assert.Equal(["dotnet run --project src/Supervisor.Host -- demo", "dotnet test Supervisor.sln"], copy.SetUpCommands());
    }

    [Fact]
    public async Task The_demo_command_runs_verbatim_on_a_copy_of_the_repository_and_every_account_ends_equal()
    {
        if (Nested)
        {
            return;
        }
        await using var demo = Shell(copy.SetUpCommands()[0]);
        var exit = await demo.WaitForExitAsync(TimeSpan.FromMinutes(15));
        var output = demo.Output;
        Assert.True(exit == 0, output);
        Assert.Matches(@"RESULT: 10/10 accounts equal to the simulator's ground truth\.\s*$", output);
    }

    [Fact]
    public async Task The_test_command_runs_verbatim_on_a_copy_of_the_repository_and_passes()
    {
        if (Nested)
        {
            return;
        }
        await using var tests = Shell(copy.SetUpCommands()[1], new Dictionary<string, string> { [NestedVariable] = "1" });
        var exit = await tests.WaitForExitAsync(TimeSpan.FromMinutes(40));
        var output = tests.Output;
        Assert.True(exit == 0, output);
        Assert.Contains("Passed!", output);
        Assert.DoesNotContain("Failed!", output);
    }

    private CliProcess Shell(string command, IReadOnlyDictionary<string, string>? environment = null) =>
        CliProcess.Start("bash", ["-c", command], copy.Root, environment: environment);
}
