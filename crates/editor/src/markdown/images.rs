//! An image's size, read from its file when the front matter does not give it: so the page
//! reserves the image's room before it arrives.

use std::path::Path;

use super::front_matter::HeroMatter;
use super::MarkdownError;

/// The hero's width and height: from the front matter, or else from the image file.
pub(super) fn hero_size(hero: &HeroMatter, site: &Path) -> Result<(u32, u32), MarkdownError> {
    if let (Some(width), Some(height)) = (hero.width, hero.height) {
        return Ok((width, height));
    }
    image_size(&hero.src, site).ok_or_else(|| {
        MarkdownError::at(
            2,
            format!(
                "front matter: hero: give `width` and `height` ({})",
                unreadable_size(&hero.src, site)
            ),
        )
    })
}

/// The size of the image `src` of the site served from `site`, when its file tells it.
pub(crate) fn image_size(src: &str, site: &Path) -> Option<(u32, u32)> {
    let path = site.join(src);
    if src.to_ascii_lowercase().ends_with(".svg") {
        std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| svg_size(&text))
    } else {
        imagesize::size(&path).ok().and_then(|size| {
            Some((
                u32::try_from(size.width).ok()?,
                u32::try_from(size.height).ok()?,
            ))
        })
    }
}

/// Why the size of `src` is unknown, for a message.
pub(super) fn unreadable_size(src: &str, site: &Path) -> String {
    let path = site.join(src);
    if path.is_file() {
        format!("the size of {} could not be read", path.display())
    } else {
        format!("{} is not there", path.display())
    }
}

/// An SVG's size in pixels: its root's `width` and `height` when they are plain numbers (or
/// pixels), else its `viewBox`'s.
pub(super) fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let document = roxmltree::Document::parse(svg).ok()?;
    let root = document.root_element();
    let pixels = |value: &str| -> Option<u32> {
        let number: f64 = value.trim().trim_end_matches("px").parse().ok()?;
        (number >= 1.0 && number < f64::from(u32::MAX)).then(|| number.round() as u32)
    };
    let attribute = |name| root.attribute(name).and_then(pixels);
    if let (Some(width), Some(height)) = (attribute("width"), attribute("height")) {
        return Some((width, height));
    }
    let view_box: Vec<&str> = root
        .attribute("viewBox")?
        .split(|ch: char| ch == ',' || ch.is_whitespace())
        .filter(|part| !part.is_empty())
        .collect();
    match view_box.as_slice() {
        [_, _, width, height] => Some((pixels(width)?, pixels(height)?)),
        _ => None,
    }
}
