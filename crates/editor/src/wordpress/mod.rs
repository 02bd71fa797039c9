//! Bringing a WordPress blog across: `content import-wordpress` reads WordPress's export
//! (Tools → Export) and writes one Markdown article per published post into `content-src/`,
//! where every build reads it, with a report of what did not come across as it was. The
//! posts' pictures are copied from a copy of the blog's uploads folder into
//! `public/images/wordpress/`; its authors and categories join the site settings.

mod export;
mod html;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use clinic_content::ids::readable_slug;
use clinic_content::load::{article_file, parse, SITE_FILE};
use clinic_content::model::{article_path, Article, Figure, Hero, Person, SiteSettings};
use clinic_content::plain_text;
use clinic_content::text::parse_date;

use crate::markdown::{image_size, read_article, write_article};
use crate::sources::{write_json, write_whole, SOURCES_DIR};
use export::{read_export, Export, Item};
use html::{convert, Picture, Surroundings};

/// Where the blog's pictures go in the site.
pub const PICTURES_DIR: &str = "images/wordpress";
/// Where WordPress keeps uploaded files, in their addresses.
const UPLOADS_PATH: &str = "/wp-content/uploads/";
/// How long a description made from an article's first words may be.
const DESCRIPTION_LENGTH: usize = 160;

/// What to import, and into which project.
pub struct Options<'a> {
    /// The export file (WordPress: Tools → Export).
    pub export: &'a Path,
    /// A copy of the blog's `wp-content/uploads` folder, for its pictures.
    pub uploads: Option<&'a Path>,
    /// The project: its `content-src/` and `public/`.
    pub project: &'a Path,
    /// Replace articles and pictures of the same names.
    pub force: bool,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// Each article written: its file, its title, and what did not come across as it was.
    pub articles: Vec<(PathBuf, String, Vec<String>)>,
    /// Posts that could not become articles, and why.
    pub failed: Vec<(String, Vec<String>)>,
    /// What was not imported, counted by kind ("draft posts": 2).
    pub skipped: BTreeMap<String, usize>,
    /// Pictures that were not in the uploads folder: where they were, where they go.
    pub to_copy: Vec<(String, String)>,
    /// What was added to the site settings.
    pub site_changes: Vec<String>,
}

impl Report {
    /// The report as an editor reads it.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (file, title, notes) in &self.articles {
            lines.push(format!("wrote {}: {title:?}", file.display()));
            lines.extend(notes.iter().map(|note| format!("  - {note}")));
        }
        for (title, reasons) in &self.failed {
            lines.push(format!("could not bring across {title:?}:"));
            lines.extend(reasons.iter().map(|reason| format!("  - {reason}")));
        }
        if !self.skipped.is_empty() {
            let counts: Vec<String> = self
                .skipped
                .iter()
                .map(|(kind, count)| format!("{kind}: {count}"))
                .collect();
            lines.push(format!("skipped: {}", counts.join(", ")));
        }
        if !self.to_copy.is_empty() {
            lines.push(
                "pictures to copy (they were not in the uploads folder; add each to its \
                 article once copied):"
                    .into(),
            );
            for (from, to) in &self.to_copy {
                lines.push(format!("  {from} → {to}"));
            }
        }
        for change in &self.site_changes {
            lines.push(format!("public/{SITE_FILE}: {change}"));
        }
        lines
    }
}

/// Imports the export `options` names. Nothing is written when an article or picture of the
/// same name is there already (unless `force`), or when the export cannot be read.
pub fn import_wordpress(options: &Options) -> Result<Report, Vec<String>> {
    let one = |error: String| vec![error];
    let xml = std::fs::read_to_string(options.export)
        .map_err(|e| one(format!("{}: cannot be read: {e}", options.export.display())))?;
    let export =
        read_export(&xml).map_err(|e| one(format!("{}: {e}", options.export.display())))?;
    let public = options.project.join("public");
    let site_path = public.join(SITE_FILE);
    let site_text = std::fs::read_to_string(&site_path)
        .map_err(|e| one(format!("{}: cannot be read: {e}", site_path.display())))?;
    let mut site: SiteSettings =
        parse(&site_path.display().to_string(), &site_text).map_err(|e| one(e.to_string()))?;

    let mut report = Report::default();
    let posts: Vec<&Item> = export
        .items
        .iter()
        .filter(|item| {
            let imported = item.kind == "post" && item.status == "publish";
            if !imported {
                *report.skipped.entry(kind_of(item)).or_default() += 1;
            }
            imported
        })
        .collect();
    let slugs = slugs_of(&posts);
    let addresses = old_addresses(&export, &posts, &slugs);
    let mut resolver = Resolver {
        export: &export,
        uploads: options.uploads,
        addresses: &addresses,
        copies: Vec::new(),
        to_copy: Vec::new(),
    };
    let mut planned = Vec::new();
    for (post, slug) in posts.iter().zip(&slugs) {
        match plan(
            post,
            slug,
            &export,
            &mut site,
            &mut resolver,
            &mut report.site_changes,
        ) {
            Ok(article) => planned.push(article),
            Err(reasons) => report.failed.push((title_of(post), reasons)),
        }
    }
    report.to_copy = resolver.to_copy.clone();

    // Nothing is written over without `force`.
    let sources = options.project.join(SOURCES_DIR);
    let mut conflicts = Vec::new();
    for (article, _) in &planned {
        let markdown = sources.join(format!("{}.md", article.slug));
        if markdown.exists() && !options.force {
            conflicts.push(format!(
                "{} is there already: run again with --force to replace it",
                markdown.display()
            ));
        }
        let json = public.join(article_file(&article.slug));
        if json.exists() {
            conflicts.push(format!(
                "{}: an article written in JSON has the address of {:?}",
                json.display(),
                article.title
            ));
        }
    }
    for (from, to) in &resolver.copies {
        let to = public.join(to);
        let differs = std::fs::read(&to)
            .ok()
            .is_some_and(|there| std::fs::read(from).ok().is_none_or(|bytes| bytes != there));
        if differs && !options.force {
            conflicts.push(format!(
                "{} is there already, with other bytes: run again with --force to replace it",
                to.display()
            ));
        }
    }
    if !conflicts.is_empty() {
        return Err(conflicts);
    }

    for (from, to) in &resolver.copies {
        let to = public.join(to);
        let copied = to
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::copy(from, &to).map(|_| ()));
        copied.map_err(|e| one(format!("{}: cannot be copied: {e}", from.display())))?;
    }
    if !report.site_changes.is_empty() {
        write_json(&site_path, &site).map_err(one)?;
    }
    for (article, notes) in planned {
        let written = write_article(&article).and_then(|markdown| {
            // What the build will read, read now: an article that would not build is not written.
            read_article(&markdown, &article.slug, &public).map_err(|errors| {
                errors
                    .iter()
                    .map(|error| error.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            })?;
            let file = sources.join(format!("{}.md", article.slug));
            write_whole(&file, &markdown)?;
            Ok(file)
        });
        match written {
            Ok(file) => report.articles.push((file, article.title, notes)),
            Err(reason) => report.failed.push((article.title, vec![reason])),
        }
    }
    Ok(report)
}

/// What a skipped item is, counted in the report.
fn kind_of(item: &Item) -> String {
    match (item.kind.as_str(), item.status.as_str()) {
        ("post", "draft" | "auto-draft") => "draft posts".into(),
        ("post", "private") => "private posts".into(),
        ("post", "trash") => "posts in the bin".into(),
        ("post", _) => "posts not yet published".into(),
        ("page", _) => "pages".into(),
        ("attachment", _) => {
            "attachments (pictures and files, copied where posts show them)".into()
        }
        ("nav_menu_item", _) => "menu items".into(),
        (kind, _) => format!("items of the kind {kind:?}"),
    }
}

fn title_of(post: &Item) -> String {
    let title = text_of_html(&post.title);
    if title.is_empty() {
        format!("post {}", post.id)
    } else {
        title
    }
}

/// Each post's slug: WordPress's, readable (`%c3%bcber` → `uber`), or else its title's;
/// `-2`, `-3`… where two would share one.
fn slugs_of(posts: &[&Item]) -> Vec<String> {
    let mut taken: HashMap<String, usize> = HashMap::new();
    posts
        .iter()
        .map(|post| {
            let name = percent_decode(&post.name);
            let base = [readable_slug(&name), readable_slug(&title_of(post))]
                .into_iter()
                .find(|slug| !slug.is_empty())
                .unwrap_or_else(|| format!("post-{}", post.id));
            let count = taken.entry(base.clone()).or_default();
            *count += 1;
            match count {
                1 => base,
                n => format!("{base}-{n}"),
            }
        })
        .collect()
}

/// Every address a post had or could have had on the blog, as paths of the site: its
/// permalink, and the other forms WordPress offers (`/?p=<id>`, `/<slug>/`,
/// `/<year>/<month>/<day>/<slug>/`, `/<year>/<month>/<slug>/`, `/archives/<id>/`), slugs
/// outside ASCII in their letters.
fn addresses_of(post: &Item, site_url: &str) -> Vec<String> {
    let name = percent_decode(&post.name);
    let date: Vec<&str> = post.date.get(..10).unwrap_or_default().split('-').collect();
    let mut forms = vec![post.link.clone(), format!("/?p={}", post.id)];
    if !name.is_empty() {
        forms.push(format!("/{name}/"));
        if let [year, month, day] = date.as_slice() {
            forms.push(format!("/{year}/{month}/{day}/{name}/"));
            forms.push(format!("/{year}/{month}/{name}/"));
        }
    }
    forms.push(format!("/archives/{}/", post.id));
    let mut addresses: Vec<String> = Vec::new();
    for path in forms.iter().filter_map(|form| site_path(site_url, form)) {
        if !addresses.contains(&path) {
            addresses.push(path);
        }
    }
    addresses
}

/// Each old address of the posts, mapped to its article's address here.
fn old_addresses(export: &Export, posts: &[&Item], slugs: &[String]) -> HashMap<String, String> {
    let mut addresses = HashMap::new();
    for (post, slug) in posts.iter().zip(slugs) {
        let new = format!("/{}", article_path(slug));
        for address in addresses_of(post, &export.site_url) {
            addresses.insert(address, new.clone());
        }
    }
    addresses
}

/// `address` as a path of the blog (its escapes decoded, a final `/`, with its query), when
/// it is one: a path, or an address on the blog's host.
fn site_path(site_url: &str, address: &str) -> Option<String> {
    let host_of = |url: &str| {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        host.trim_start_matches("www.").to_ascii_lowercase()
    };
    let path = if address.starts_with('/') && !address.starts_with("//") {
        address.to_string()
    } else if address.contains("://") && host_of(address) == host_of(site_url) {
        let rest = address.split_once("://").map_or("", |(_, rest)| rest);
        rest.find(['/', '?'])
            .map_or("/".to_string(), |at| rest[at..].to_string())
    } else {
        return None;
    };
    let path = path.split('#').next().unwrap_or_default();
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = percent_decode(path);
    let path = if path.ends_with('/') {
        path
    } else {
        format!("{path}/")
    };
    Some(if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    })
}

fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// The text of a piece of HTML (a title, an excerpt), its entities decoded.
fn text_of_html(html: &str) -> String {
    let text: String = scraper::Html::parse_fragment(html)
        .root_element()
        .text()
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One post as an article, with what did not come across as it was; its pictures are
/// planned, not yet copied, and its author and category join `site`.
fn plan(
    post: &Item,
    slug: &str,
    export: &Export,
    site: &mut SiteSettings,
    resolver: &mut Resolver,
    site_changes: &mut Vec<String>,
) -> Result<(Article, Vec<String>), Vec<String>> {
    let title = title_of(post);
    let date = post.date.get(..10).unwrap_or_default().to_string();
    parse_date(&date).map_err(|_| {
        vec![format!(
            "its date {:?} is not a day of the calendar: set it in WordPress and export again",
            post.date
        )]
    })?;
    let converted = convert(&post.html, resolver);
    let mut notes = converted.notes;
    if converted.intro.is_empty() && converted.sections.is_empty() {
        return Err(vec!["it has no text".into()]);
    }
    let category = match post.categories.as_slice() {
        [] => {
            notes.push("it had no category: filed under \"Uncategorized\"".into());
            "Uncategorized".to_string()
        }
        [first, others @ ..] => {
            if !others.is_empty() {
                notes.push(format!(
                    "it was also filed under {}: an article has one category, the first",
                    others.join(", ")
                ));
            }
            text_of_html(first)
        }
    };
    if !site.categories.is_empty() && !site.categories.contains(&category) {
        site.categories.push(category.clone());
        site_changes.push(format!("added the category {category:?}"));
    }
    let author = post.creator.as_ref().map(|login| {
        let name = export
            .authors
            .get(login)
            .cloned()
            .unwrap_or_else(|| login.clone());
        let id = [readable_slug(&name), readable_slug(login)]
            .into_iter()
            .find(|id| !id.is_empty())
            .unwrap_or_else(|| "author".into());
        if site.person(&id).is_none() {
            site.people.push(Person {
                id: id.clone(),
                name: name.clone(),
                credentials: None,
                role: None,
                photo: None,
                profile_url: None,
            });
            site_changes.push(format!("added the person {name:?} ({id}) as an author"));
        }
        id
    });
    let mut description = text_of_html(&post.excerpt);
    if description.is_empty() {
        let first_words = converted
            .intro
            .iter()
            .chain(converted.sections.iter().flat_map(|s| &s.body))
            .find_map(|block| match block {
                clinic_content::model::Block::Paragraph(content) => Some(plain_text(content)),
                _ => None,
            })
            .unwrap_or_else(|| title.clone());
        description = shortened(&first_words, DESCRIPTION_LENGTH);
        notes.push(
            "it had no excerpt: its description (under its title in search results) is its \
             first words; write a better one"
                .into(),
        );
    }
    let hero = match featured_picture(post, export, resolver) {
        Some(Ok(figure)) => Some(Hero {
            image: figure.image,
            alt: figure.alt,
            width: figure.width,
            height: figure.height,
            share_image: None,
        }),
        Some(Err(note)) => {
            notes.push(format!("its featured image: {note}"));
            None
        }
        None => None,
    };
    Ok((
        Article {
            schema: None,
            slug: slug.to_string(),
            title,
            lang: None,
            translation_of: None,
            description,
            category,
            published: date,
            hero,
            key_points: Vec::new(),
            intro: converted.intro,
            sections: converted.sections,
            faq: converted.faq,
            related: Vec::new(),
            author,
            medical_reviewer: None,
            last_reviewed: None,
            next_review: None,
            sources: Vec::new(),
            updated: None,
            also_called: Vec::new(),
            old_addresses: addresses_of(post, &export.site_url)
                .into_iter()
                .filter(|address| {
                    let kept = clinic_content::validate::is_old_address(address);
                    if !kept {
                        notes.push(format!(
                            "its old address {address} is inside one of this site's own \
                             folders: it does not lead here"
                        ));
                    }
                    kept
                })
                .collect(),
        },
        notes,
    ))
}

/// The post's featured image, as a picture of the site (or why not), when it has one.
fn featured_picture(
    post: &Item,
    export: &Export,
    resolver: &mut Resolver,
) -> Option<Result<Figure, String>> {
    let id = post.thumbnail.as_ref()?;
    let Some(attachment) = export.item(id) else {
        return Some(Err(format!("the attachment {id} is not in the export")));
    };
    let src = attachment.attachment_url.clone().unwrap_or_default();
    let alt = text_of_html(&attachment.alt);
    Some(resolver.picture(&Picture {
        src: &src,
        alt: &alt,
        caption: None,
    }))
}

/// `text` cut at a word to at most `length` characters, with "…" when cut.
fn shortened(text: &str, length: usize) -> String {
    if text.chars().count() <= length {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > length {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', '.']))
}

/// What the converter asks of the import: pictures found in the uploads folder (planned for
/// copying), links to the blog's posts pointed at their articles, a gallery's attachments.
struct Resolver<'a> {
    export: &'a Export,
    uploads: Option<&'a Path>,
    addresses: &'a HashMap<String, String>,
    /// Each picture to copy: from the uploads folder, to its place in `public/`.
    copies: Vec<(PathBuf, String)>,
    /// Each picture not in the uploads folder: its place there, its place in `public/`.
    to_copy: Vec<(String, String)>,
}

impl Surroundings for Resolver<'_> {
    fn picture(&mut self, picture: &Picture) -> Result<Figure, String> {
        let src = picture.src;
        let Some(at) = src.find(UPLOADS_PATH) else {
            return Err(format!(
                "a picture from elsewhere ({src}) was left out: the site shows only its own \
                 pictures"
            ));
        };
        let uploaded = src[at + UPLOADS_PATH.len()..]
            .split(['?', '#'])
            .next()
            .unwrap_or_default();
        let uploaded = percent_decode(uploaded);
        let site_file = format!("{PICTURES_DIR}/{}", safe_file_path(&uploaded));
        let attachment_alt = self
            .export
            .attachment_at(src)
            .map(|item| text_of_html(&item.alt))
            .unwrap_or_default();
        let alt = [
            picture.alt.to_string(),
            attachment_alt,
            picture.caption.clone().unwrap_or_default(),
        ]
        .into_iter()
        .find(|alt| !alt.trim().is_empty());
        let Some(alt) = alt else {
            return Err(format!(
                "the picture {uploaded} has no description for readers who cannot see it: \
                 left out; describe it and add it as ![what it shows]({site_file})"
            ));
        };
        let found = self
            .uploads
            .map(|uploads| uploads.join(&uploaded))
            .filter(|file| file.is_file());
        let size = self
            .uploads
            .and_then(|uploads| image_size(&uploaded, uploads));
        match (found, size) {
            (Some(file), Some((width, height))) => {
                self.copies.push((file, site_file.clone()));
                Ok(Figure {
                    image: site_file,
                    alt,
                    width,
                    height,
                    caption: picture.caption.clone(),
                })
            }
            (Some(file), None) => Err(format!(
                "the picture {} was left out: its size cannot be read",
                file.display()
            )),
            (None, _) => {
                let entry = (
                    format!("wp-content/uploads/{uploaded}"),
                    format!("public/{site_file}"),
                );
                if !self.to_copy.contains(&entry) {
                    self.to_copy.push(entry);
                }
                Err(format!(
                    "the picture {uploaded} is not in the uploads folder: left out; copy it to \
                     public/{site_file} and add ![{alt}]({site_file}) where it was"
                ))
            }
        }
    }

    fn link(&self, href: &str) -> String {
        site_path(&self.export.site_url, href)
            .and_then(|path| self.addresses.get(&path).cloned())
            .unwrap_or_else(|| href.to_string())
    }

    fn attachment(&self, id: &str) -> Option<(String, String)> {
        let item = self.export.item(id)?;
        Some((item.attachment_url.clone()?, text_of_html(&item.alt)))
    }
}

/// An uploaded file's path with every character a site file may not have as `-`.
fn safe_file_path(path: &str) -> String {
    path.split('/')
        .filter(|part| !part.is_empty() && *part != "." && *part != "..")
        .map(|part| {
            part.chars()
                .map(|ch| {
                    if ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-') {
                        ch
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}
