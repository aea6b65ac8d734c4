namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// Dotted category codes in the style of the REES46 electronics store, with a relative popularity
/// and a typical price. Codes and price levels follow the real October file; the exact figures are the
/// world's own.
/// </summary>
internal static class CategoryCodes
{
    /// <summary>Code, popularity multiplier, median price.</summary>
    public static readonly (string Code, double Popularity, double MedianPrice)[] All =
    [
        ("electronics.smartphone", 40, 250), ("electronics.clocks", 3, 150), ("electronics.video.tv", 5, 420),
        ("electronics.audio.headphone", 4, 60), ("electronics.tablet", 2, 230), ("electronics.audio.subwoofer", 0.5, 120),
        ("electronics.telephone", 0.8, 25), ("electronics.camera.photo", 0.8, 450), ("electronics.camera.video", 0.3, 300),
        ("electronics.audio.acoustic", 0.6, 90), ("electronics.audio.music_tools.piano", 0.2, 400), ("electronics.video.projector", 0.2, 350),
        ("electronics.audio.microphone", 0.2, 45), ("electronics.video.tv_box", 0.3, 50),
        ("appliances.kitchen.refrigerators", 2.5, 480), ("appliances.kitchen.washer", 2.5, 330), ("appliances.environment.vacuum", 2.5, 130),
        ("appliances.kitchen.microwave", 0.8, 90), ("appliances.kitchen.kettle", 0.9, 25), ("appliances.kitchen.blender", 0.7, 45),
        ("appliances.environment.water_heater", 0.8, 110), ("appliances.environment.air_conditioner", 0.8, 400), ("appliances.iron", 0.8, 40),
        ("appliances.kitchen.hood", 0.6, 140), ("appliances.kitchen.oven", 0.5, 300), ("appliances.kitchen.coffee_machine", 0.4, 220),
        ("appliances.personal.hair_cutter", 0.5, 35), ("appliances.personal.scales", 0.3, 20), ("appliances.sewing_machine", 0.3, 150),
        ("appliances.kitchen.mixer", 0.3, 50), ("appliances.kitchen.dishwasher", 0.4, 390), ("appliances.environment.fan", 0.3, 40),
        ("appliances.kitchen.meat_grinder", 0.3, 80), ("appliances.kitchen.toster", 0.2, 30), ("appliances.personal.massager", 0.2, 60),
        ("appliances.kitchen.grill", 0.2, 70), ("appliances.environment.climate", 0.2, 120), ("appliances.kitchen.juicer", 0.15, 60),
        ("computers.notebook", 4, 520), ("computers.desktop", 1, 600), ("computers.peripherals.printer", 0.7, 180),
        ("computers.components.videocards", 0.6, 320), ("computers.components.memory", 0.3, 50), ("computers.peripherals.monitor", 0.6, 190),
        ("computers.components.cpu", 0.3, 200), ("computers.components.motherboard", 0.3, 110), ("computers.peripherals.mouse", 0.3, 15),
        ("computers.peripherals.keyboard", 0.2, 20), ("computers.components.hdd", 0.3, 60), ("computers.network.router", 0.2, 40),
        ("computers.components.power_supply", 0.15, 50), ("computers.components.cooler", 0.15, 25), ("computers.ebooks", 0.1, 120),
        ("furniture.living_room.sofa", 0.8, 520), ("furniture.bedroom.bed", 0.5, 380), ("furniture.living_room.cabinet", 0.4, 220),
        ("furniture.kitchen.table", 0.3, 150), ("furniture.living_room.chair", 0.4, 90), ("furniture.bathroom.toilet", 0.2, 170),
        ("furniture.bathroom.bath", 0.15, 300), ("furniture.universal.light", 0.2, 40), ("furniture.bedroom.pillow", 0.15, 20),
        ("furniture.kitchen.chair", 0.2, 50),
        ("apparel.shoes", 0.9, 60), ("apparel.shoes.keds", 0.6, 55), ("apparel.shirt", 0.3, 25), ("apparel.trousers", 0.3, 35),
        ("apparel.costume", 0.3, 45), ("apparel.underwear", 0.1, 10), ("apparel.jeans", 0.2, 40), ("apparel.shoes.sandals", 0.2, 35),
        ("apparel.jacket", 0.2, 80), ("apparel.shoes.slipons", 0.1, 30),
        ("auto.accessories.player", 0.4, 60), ("auto.accessories.videoregister", 0.4, 70), ("auto.accessories.alarm", 0.2, 110),
        ("auto.accessories.radar", 0.2, 90), ("auto.accessories.compressor", 0.2, 45), ("auto.accessories.parktronic", 0.1, 40),
        ("construction.tools.drill", 0.6, 80), ("construction.tools.saw", 0.3, 90), ("construction.tools.light", 0.2, 30),
        ("construction.tools.welding", 0.2, 140), ("construction.components.faucet", 0.3, 60), ("construction.tools.generator", 0.1, 300),
        ("construction.tools.pump", 0.15, 120), ("construction.tools.heater", 0.2, 60),
        ("kids.carriage", 0.5, 250), ("kids.toys", 0.5, 30), ("kids.skates", 0.2, 50), ("kids.swing", 0.1, 70), ("kids.dolls", 0.15, 25),
        ("kids.fmcg.diapers", 0.1, 15),
        ("sport.bicycle", 0.5, 280), ("sport.trainer", 0.2, 300), ("sport.tennis", 0.1, 60), ("sport.ski", 0.1, 180),
        ("sport.snowboard", 0.1, 220), ("sport.diving", 0.05, 90),
        ("accessories.bag", 0.4, 35), ("accessories.wallet", 0.1, 20), ("accessories.umbrella", 0.05, 15),
        ("country_yard.lawn_mower", 0.2, 220), ("country_yard.cultivator", 0.1, 350), ("country_yard.watering", 0.05, 30),
        ("medicine.tools.tonometer", 0.1, 40), ("stationery.cartrige", 0.1, 30),
    ];
}
