using Marten;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Webhooks;
using Quartz;

namespace OmniChannel.InventoryAllocation.Features.StorefrontPush;

public static class StorefrontPushRegistration
{
    public const string SchedulerName = "inventory";

    /// <summary>
    /// INV-2's push: Quartz.NET with its PostgreSQL job store in the Inventory schema, clustered (as the Pickup service's
    /// printing), firing <see cref="StorefrontPushJob"/> every <c>StorefrontPush:Interval</c>; the delivery log and the
    /// storefronts' cursors are Marten documents next to the feed they come from.
    /// </summary>
    public static IHostApplicationBuilder AddStorefrontPush(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<StorefrontTargets>(builder.Configuration);
        builder.Services.Configure<StorefrontPushOptions>(builder.Configuration.GetSection("StorefrontPush"));
        builder.Services.AddSignedWebhookSender();
        builder.Services.AddSingleton<StorefrontPusher>();
        builder.Services.ConfigureMarten(options =>
        {
            options.Schema.For<WebhookDelivery>().Index(d => d.StorefrontId).Index(d => d.CreatedAt);
            options.Schema.For<StorefrontPushCursor>();
        });
        var interval = builder.Configuration.GetSection("StorefrontPush").Get<StorefrontPushOptions>()?.Interval ?? TimeSpan.FromMinutes(1);
        builder.AddClusteredScheduler(SchedulerName, quartz =>
        {
            quartz.AddJob<StorefrontPushJob>(job => job.WithIdentity(StorefrontPushJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(StorefrontPushJob.Key).WithIdentity("storefront-push", "inventory")
                .StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))); // a run missed while down is not made up in a burst
        });
        return builder;
    }
}
