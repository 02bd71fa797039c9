//! WordPress's export (Tools → Export: WXR, an RSS file with WordPress's own elements, 1.0 to
//! 1.2), read into what the importer needs: each item's kind, status, title, address, slug,
//! date, author, categories, excerpt, HTML and featured image, and each attachment's address
//! and description.

use std::collections::HashMap;

use roxmltree::{Document, Node, ParsingOptions};

/// What one export holds.
pub(super) struct Export {
    /// The blog's address, e.g. `https://blog.example.org`.
    pub(super) site_url: String,
    /// Each author's display name, by login.
    pub(super) authors: HashMap<String, String>,
    /// Every item: posts, pages, attachments, menu items…
    pub(super) items: Vec<Item>,
}

impl Export {
    /// The item whose id is `id`.
    pub(super) fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The attachment whose address is `url`.
    pub(super) fn attachment_at(&self, url: &str) -> Option<&Item> {
        self.items
            .iter()
            .find(|item| item.attachment_url.as_deref() == Some(url))
    }
}

/// One `<item>`.
pub(super) struct Item {
    pub(super) id: String,
    /// `post`, `page`, `attachment`, `nav_menu_item`…
    pub(super) kind: String,
    /// `publish`, `draft`, `private`, `inherit`…
    pub(super) status: String,
    pub(super) title: String,
    /// Its address on the blog.
    pub(super) link: String,
    /// Its slug as WordPress keeps it (percent-encoded outside ASCII).
    pub(super) name: String,
    /// `YYYY-MM-DD hh:mm:ss`.
    pub(super) date: String,
    /// The author's login.
    pub(super) creator: Option<String>,
    /// The names of its categories, in order.
    pub(super) categories: Vec<String>,
    pub(super) excerpt: String,
    pub(super) html: String,
    /// The attachment's id of its featured image.
    pub(super) thumbnail: Option<String>,
    /// An attachment's address.
    pub(super) attachment_url: Option<String>,
    /// An attachment's description for readers who cannot see it.
    pub(super) alt: String,
}

/// Where an element's name comes from.
#[derive(Clone, Copy)]
enum Space {
    WordPress,
    Excerpt,
    Content,
    DublinCore,
    None,
}

fn is(node: Node, space: Space, name: &str) -> bool {
    if !node.is_element() || node.tag_name().name() != name {
        return false;
    }
    let namespace = node.tag_name().namespace().unwrap_or("");
    match space {
        Space::WordPress => {
            namespace.starts_with("http://wordpress.org/export/")
                && !namespace.ends_with("excerpt/")
        }
        Space::Excerpt => namespace.ends_with("/excerpt/"),
        Space::Content => namespace == "http://purl.org/rss/1.0/modules/content/",
        Space::DublinCore => namespace == "http://purl.org/dc/elements/1.1/",
        Space::None => namespace.is_empty(),
    }
}

fn child<'a, 'input>(node: Node<'a, 'input>, space: Space, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|child| is(*child, space, name))
}

fn text_of(node: Node, space: Space, name: &str) -> String {
    child(node, space, name)
        .map(|child| {
            child
                .descendants()
                .filter(|node| node.is_text())
                .filter_map(|node| node.text())
                .collect::<String>()
        })
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Reads an export; an error says why the file is not one.
pub(super) fn read_export(xml: &str) -> Result<Export, String> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(xml, options)
        .map_err(|error| format!("not a WordPress export: the XML is broken ({error})"))?;
    let channel = child(document.root_element(), Space::None, "channel")
        .ok_or("not a WordPress export: no <channel> (in WordPress, use Tools → Export)")?;
    let version = text_of(channel, Space::WordPress, "wxr_version");
    if !["1.0", "1.1", "1.2"].contains(&version.as_str()) {
        return Err(format!(
            "not a WordPress export of a version this reads (1.0 to 1.2): wxr_version is \
             {version:?} (in WordPress, use Tools → Export)"
        ));
    }
    let site_url = [
        text_of(channel, Space::WordPress, "base_blog_url"),
        text_of(channel, Space::WordPress, "base_site_url"),
        text_of(channel, Space::None, "link"),
    ]
    .into_iter()
    .find(|url| !url.is_empty())
    .unwrap_or_default();
    let authors = channel
        .children()
        .filter(|node| is(*node, Space::WordPress, "author"))
        .map(|author| {
            let login = text_of(author, Space::WordPress, "author_login");
            let name = text_of(author, Space::WordPress, "author_display_name");
            (login.clone(), if name.is_empty() { login } else { name })
        })
        .collect();
    let items = channel
        .children()
        .filter(|node| is(*node, Space::None, "item"))
        .map(read_item)
        .collect();
    Ok(Export {
        site_url,
        authors,
        items,
    })
}

fn read_item(item: Node) -> Item {
    let meta: HashMap<String, String> = item
        .children()
        .filter(|node| is(*node, Space::WordPress, "postmeta"))
        .map(|meta| {
            (
                text_of(meta, Space::WordPress, "meta_key"),
                text_of(meta, Space::WordPress, "meta_value"),
            )
        })
        .collect();
    let creator = text_of(item, Space::DublinCore, "creator");
    Item {
        id: text_of(item, Space::WordPress, "post_id"),
        kind: text_of(item, Space::WordPress, "post_type"),
        status: text_of(item, Space::WordPress, "status"),
        title: text_of(item, Space::None, "title"),
        link: text_of(item, Space::None, "link"),
        name: text_of(item, Space::WordPress, "post_name"),
        date: text_of(item, Space::WordPress, "post_date"),
        creator: (!creator.is_empty()).then_some(creator),
        categories: item
            .children()
            .filter(|node| {
                is(*node, Space::None, "category") && node.attribute("domain") == Some("category")
            })
            .map(|node| node.text().unwrap_or_default().trim().to_string())
            .filter(|name| !name.is_empty())
            .collect(),
        excerpt: text_of(item, Space::Excerpt, "encoded"),
        html: text_of(item, Space::Content, "encoded"),
        thumbnail: meta.get("_thumbnail_id").cloned(),
        attachment_url: Some(text_of(item, Space::WordPress, "attachment_url"))
            .filter(|url| !url.is_empty()),
        alt: meta
            .get("_wp_attachment_image_alt")
            .cloned()
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_of_wxr_1_1_reads_as_one_of_1_2() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.1/">
<channel><link>https://old.example</link><wp:wxr_version>1.1</wp:wxr_version>
<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name><![CDATA[Ann Lee]]></wp:author_display_name></wp:author>
<item><title>A &amp; B</title><link>https://old.example/a-b/</link><dc:creator>ann</dc:creator>
<content:encoded><![CDATA[<p>Text.</p>]]></content:encoded><excerpt:encoded><![CDATA[Short.]]></excerpt:encoded>
<wp:post_id>7</wp:post_id><wp:post_date>2020-01-02 03:04:05</wp:post_date><wp:post_name>a-b</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="post_tag" nicename="t"><![CDATA[Tag]]></category>
<category domain="category" nicename="c"><![CDATA[Care]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>
</item></channel></rss>"#;
        let export = read_export(xml).expect("an export");
        assert_eq!(export.site_url, "https://old.example");
        assert_eq!(
            export.authors.get("ann").map(String::as_str),
            Some("Ann Lee")
        );
        let item = &export.items[0];
        assert_eq!(
            (
                item.id.as_str(),
                item.kind.as_str(),
                item.status.as_str(),
                item.title.as_str()
            ),
            ("7", "post", "publish", "A & B")
        );
        assert_eq!(
            (
                item.name.as_str(),
                item.date.as_str(),
                item.creator.as_deref()
            ),
            ("a-b", "2020-01-02 03:04:05", Some("ann"))
        );
        assert_eq!(item.categories, vec!["Care"], "tags are not categories");
        assert_eq!(
            (item.excerpt.as_str(), item.html.as_str()),
            ("Short.", "<p>Text.</p>")
        );
        assert_eq!(item.thumbnail.as_deref(), Some("9"));
    }

    #[test]
    fn a_file_that_is_not_an_export_says_so() {
        for (xml, says) in [
            ("<html></html>", "no <channel>"),
            ("<rss><channel></channel></rss>", "wxr_version"),
            ("<rss><channel>", "broken"),
        ] {
            let error = read_export(xml).err().expect("refused");
            assert!(error.contains(says), "{xml}: {error}");
        }
    }
}
