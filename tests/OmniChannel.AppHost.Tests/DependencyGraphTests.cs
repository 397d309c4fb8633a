namespace OmniChannel.AppHost.Tests;

public class DependencyGraphTests
{
    [Fact]
    public void Resources_start_in_waves_of_what_they_wait_for()
    {
        var waves = DependencyGraph.StartWaves(Model.OmniChannel().Resources);

        Assert.Equal(["postgres", "rabbitmq"], waves[0].Names());
        // Order only references the other services: it starts beside them, not after them.
        Assert.Equal(["inventory", "pricing", "order"], waves[1].Names());
        Assert.Equal(["gateway"], waves[2].Names());
    }

    [Fact]
    public void Dependency_order_puts_everything_after_what_it_references()
    {
        var order = DependencyGraph.DependencyOrder(Model.OmniChannel().Resources).Names().ToList();

        Assert.Equal(["postgres", "rabbitmq", "inventory", "pricing", "order", "gateway"], order);
    }

    [Fact]
    public void Dependents_are_what_must_stop_first()
    {
        var builder = Model.OmniChannel();
        var dependents = DependencyGraph.Dependents(builder.Resources);

        Assert.Equal(["gateway"], dependents[builder.Get<ProjectResource>("order")].Names());
        Assert.Equal(["order", "gateway"], dependents[builder.Get<ProjectResource>("pricing")].Names());
        Assert.Equal(["inventory", "pricing", "order"], dependents[builder.Get<ConnectionResource>("postgres")].Names());
        Assert.Empty(dependents[builder.Get<ProjectResource>("gateway")]);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_path()
    {
        var builder = Model.Builder();
        var a = builder.AddProject("a", "a/a.csproj");
        var b = builder.AddProject("b", "b/b.csproj").WaitFor(a);
        a.WaitFor(b);

        var error = Assert.Throws<AppHostException>(() => DependencyGraph.StartWaves(builder.Resources));

        Assert.Contains("a -> b -> a", error.Message);
    }

    [Fact]
    public void A_reference_outside_the_model_is_rejected()
    {
        var builder = Model.Builder();
        var stranger = Model.Builder().AddPostgres("elsewhere");
        builder.AddProject("a", "a/a.csproj").WithReference(stranger);

        var error = Assert.Throws<AppHostException>(() => DependencyGraph.DependencyOrder(builder.Resources));

        Assert.Contains("'elsewhere'", error.Message);
    }

    [Fact]
    public void Names_are_unique_and_fit_an_environment_variable()
    {
        var builder = Model.Builder();
        builder.AddPostgres("postgres");

        Assert.Throws<ArgumentException>(() => builder.AddRabbitMQ("postgres"));
        Assert.Throws<ArgumentException>(() => builder.AddProject("Order_Service", "x.csproj"));
    }
}
