//! `robots.txt` and `sitemap.xml`, generated from the site settings and the article index.
//! The bundled copies in `public/` are checked against these by `tests/content_files.rs`
//! (`UPDATE_SEARCH_FILES=1 cargo test --test content_files` rewrites them).

use super::model::SiteSettings;

pub fn robots_txt(site: &SiteSettings) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.file_url("sitemap.xml")
    )
}

/// A sitemap of every article, given as `(slug, published date)`.
pub fn sitemap_xml<'a>(
    site: &SiteSettings,
    articles: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (slug, published) in articles {
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n    <lastmod>{}</lastmod>\n  </url>\n",
            escape(&site.article_url(slug)),
            escape(published)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}
