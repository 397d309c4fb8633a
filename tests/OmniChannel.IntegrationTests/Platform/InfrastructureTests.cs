using System.Runtime.Versioning;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using OmniChannel.AppHost.Infrastructure;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// PostgreSQL and RabbitMQ, three ways under one pair of resource names: the servers named by connection strings
/// (nothing started), Aspire's containers where a container engine answers, Debian's packages as local processes
/// otherwise; and a server that cannot start ends the run with its name and its reason, never a silent hang.
/// </summary>
[SupportedOSPlatform("linux")]
public class InfrastructureTests
{
    [Fact]
    public async Task With_connection_strings_set_the_servers_are_those_and_AppHost_starts_none()
    {
        var model = await ModelAsync("--ConnectionStrings:postgres=Host=db.example;Username=omni;Password=p;Database=omnichannel",
            "--ConnectionStrings:rabbitmq=amqp://omni:p@mq.example:5672/");

        Assert.Equal("Host=db.example;Username=omni;Password=p;Database=omnichannel", await ConnectionStringAsync(model, "postgres"));
        Assert.Equal("amqp://omni:p@mq.example:5672/", await ConnectionStringAsync(model, "rabbitmq"));
        Assert.DoesNotContain(model.OfType<ExecutableResource>(), NotARebuilder);
        Assert.Empty(model.OfType<ContainerResource>());
    }

    [Fact]
    public async Task Without_a_container_engine_they_are_local_processes_keeping_their_data_in_the_data_folder()
    {
        var data = TestServers.DataFolder("omnichannel-model-");
        try
        {
            var model = await ModelAsync(Engine(data, "exit 1"), $"--Infrastructure:DataPath={data.FullName}");

            var postgres = Assert.IsType<LocalPostgresResource>(model.Single(r => r.Name == "postgres"));
            Assert.IsType<LocalRabbitMQResource>(model.Single(r => r.Name == "rabbitmq"));
            Assert.Empty(model.OfType<ContainerResource>());
            Assert.Equal(["deploy/local/postgres.sh"], await ArgumentsAsync(postgres));
            Assert.True(File.Exists(Path.Combine(data.FullName, "postgres", "password")));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task With_a_container_engine_that_answers_they_are_Aspire_containers_with_data_volumes()
    {
        var engine = TestServers.DataFolder("omnichannel-engine-");
        try
        {
            var model = await ModelAsync(Engine(engine, "echo 28.2.2"));

            foreach (var name in new[] { "postgres", "rabbitmq" })
            {
                var server = Assert.IsAssignableFrom<ContainerResource>(model.Single(r => r.Name == name));
                Assert.Contains(server.Annotations.OfType<ContainerMountAnnotation>(), m => m.Type == ContainerMountType.Volume);
            }
            Assert.DoesNotContain(model.OfType<ExecutableResource>(), NotARebuilder);
        }
        finally
        {
            engine.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_container_engine_that_does_not_answer_is_given_up_and_the_servers_run_as_local_processes()
    {
        var engine = TestServers.DataFolder("omnichannel-engine-");
        try
        {
            var model = await ModelAsync(Engine(engine, "exec sleep 120"));

            Assert.IsType<LocalPostgresResource>(model.Single(r => r.Name == "postgres"));
            Assert.IsType<LocalRabbitMQResource>(model.Single(r => r.Name == "rabbitmq"));
        }
        finally
        {
            engine.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_cannot_start_ends_the_run_with_its_name_and_its_reason()
    {
        var data = TestServers.DataFolder("omnichannel-broken-");
        try
        {
            // A cluster made by a PostgreSQL that is not installed: postgres.sh refuses it, as it would a real one.
            Directory.CreateDirectory(Path.Combine(data.FullName, "postgres", "data"));
            await File.WriteAllTextAsync(Path.Combine(data.FullName, "postgres", "data", "PG_VERSION"), "9\n");

            await using var run = AppHostRun.Start(new Dictionary<string, string>(),
                $"--Infrastructure:DataPath={data.FullName}", "--Infrastructure:Servers=local");

            Assert.Equal(1, await run.WaitForExitAsync(TimeSpan.FromMinutes(3)));
            File.WriteAllText("/tmp/broken.txt", run.Output);
            Assert.Contains("postgres could not start", run.Output);
            Assert.Contains("was created by PostgreSQL 9, which is not installed", run.Output);
            Assert.DoesNotContain("OmniChannel is up", run.Output);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>Aspire adds to each project a hidden executable that rebuilds it (the dashboard's Rebuild command).</summary>
    private static bool NotARebuilder(ExecutableResource resource) => resource is not IResourceWithParent { Parent: ProjectResource };

    /// <summary>A stand-in container client (Aspire's ASPIRE_CONTAINER_RUNTIME names it) that runs <paramref name="script"/>.</summary>
    private static string Engine(DirectoryInfo folder, string script)
    {
        var client = Path.Combine(folder.FullName, "engine");
        File.WriteAllText(client, $"#!/bin/sh\n{script}\n");
        File.SetUnixFileMode(client, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return $"--ASPIRE_CONTAINER_RUNTIME={client}";
    }

    /// <summary>AppHost's model as Program.cs builds it, nothing started.</summary>
    private static async Task<IReadOnlyList<IResource>> ModelAsync(params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.OmniChannel_AppHost>(args);
        return builder.Resources.ToList();
    }

    private static async Task<string?> ConnectionStringAsync(IEnumerable<IResource> model, string name) =>
        await ((IResourceWithConnectionString)model.Single(r => r.Name == name)).GetConnectionStringAsync();

    private static async Task<IReadOnlyList<string>> ArgumentsAsync(IResource resource)
    {
        var context = new CommandLineArgsCallbackContext([]);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
            await callback.Callback(context);
        return context.Args.Select(a => a.ToString()!).ToList();
    }
}
