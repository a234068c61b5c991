//! Kizuki's icon: a radar of ten axes with a spark of insight (source: `icons/kizuki.svg`).

use std::sync::Arc;

const PNG_256: &[u8] = include_bytes!("../../icons/kizuki-256.png");

fn decode() -> Option<(u32, u32, Vec<u8>)> {
    let image = image::load_from_memory_with_format(PNG_256, image::ImageFormat::Png)
        .ok()?
        .into_rgba8();
    let (w, h) = image.dimensions();
    Some((w, h, image.into_raw()))
}

/// The icon for the window and task bar.
pub fn window_icon() -> Arc<egui::IconData> {
    Arc::new(match decode() {
        Some((width, height, rgba)) => egui::IconData {
            rgba,
            width,
            height,
        },
        // The PNG is embedded at build time and checked by a test; a blank icon beats no window.
        None => egui::IconData::default(),
    })
}

/// The icon as a texture, for the start screen: decoded once, then kept in the context.
pub fn texture(ctx: &egui::Context) -> egui::TextureHandle {
    let id = egui::Id::unique("kizuki-icon-texture");
    if let Some(texture) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return texture;
    }
    let image = match decode() {
        Some((w, h, rgba)) => {
            egui::ColorImage::from_rgba_unmultiplied([w as usize, h as usize], &rgba)
        }
        // Checked by a test; should it ever fail, a placeholder beats a missing start screen.
        None => egui::ColorImage::example(),
    };
    let texture = ctx.load_texture("kizuki-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, texture.clone()));
    texture
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_icon_decodes() {
        let (w, h, rgba) = super::decode().expect("icon decodes");
        assert_eq!((w, h), (256, 256));
        assert!(rgba.chunks(4).any(|p| p[3] == 0), "corners are transparent");
        assert!(rgba.chunks(4).any(|p| p[3] == 255));
    }
}
