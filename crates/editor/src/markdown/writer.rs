//! An article written out as Markdown in the format `read_article` reads: what
//! `content import-wordpress` writes into `content-src/`. Text is escaped so that it stays
//! text: reading the Markdown back gives the same article.

use clinic_content::model::{Article, Block, Faq, Figure, Inline, Link, Section, Table};

use super::front_matter::FrontMatter;
use super::{BOOKING_HREF, FAQ_HEADING, TABLE_CAPTION};

/// `article` as a Markdown file: its front matter, then its text.
pub fn write_article(article: &Article) -> Result<String, String> {
    let matter = serde_yaml_ng::to_string(&FrontMatter::of(article))
        .map_err(|error| format!("the front matter cannot be written: {error}"))?;
    Ok(format!(
        "---\n{matter}---\n\n{}",
        write_body(&article.intro, &article.sections, article.faq.as_ref())
    ))
}

/// The Markdown of an article's text: its introduction, its sections with their parts, and
/// the FAQ.
fn write_body(intro: &[Block], sections: &[Section], faq: Option<&Faq>) -> String {
    let mut out = String::new();
    write_blocks(&mut out, intro);
    for section in sections {
        let marks: Vec<String> = section
            .id
            .iter()
            .map(|id| format!("#{id}"))
            .chain(section.callout.then(|| ".callout".to_string()))
            .collect();
        heading(&mut out, "##", &section.heading, &marks);
        write_blocks(&mut out, &section.body);
        for part in &section.subsections {
            heading(&mut out, "###", &part.heading, &id_mark(&part.id));
            write_blocks(&mut out, &part.body);
        }
    }
    if let Some(faq) = faq {
        let marks = if faq.heading == FAQ_HEADING {
            vec![]
        } else {
            vec![".faq".to_string()]
        };
        heading(&mut out, "##", &faq.heading, &marks);
        for item in &faq.items {
            heading(&mut out, "###", &item.question, &id_mark(&item.id));
            write_blocks(&mut out, &item.answer);
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn id_mark(id: &Option<String>) -> Vec<String> {
    id.iter().map(|id| format!("#{id}")).collect()
}

fn heading(out: &mut String, level: &str, text: &str, marks: &[String]) {
    let marks = if marks.is_empty() {
        String::new()
    } else {
        format!(" {{{}}}", marks.join(" "))
    };
    out.push_str(&format!(
        "{level} {}{marks}\n\n",
        escape(text, Place::Heading)
    ));
}

fn write_blocks(out: &mut String, blocks: &[Block]) {
    // A list right after a list of its kind would join it: a change of marker keeps them two.
    let mut other_marker = false;
    let mut previous: Option<&Block> = None;
    for block in blocks {
        let same_kind = matches!(
            (previous, block),
            (Some(Block::List(_)), Block::List(_))
                | (Some(Block::NumberedList(_)), Block::NumberedList(_))
        );
        other_marker = same_kind && !other_marker;
        previous = Some(block);
        match block {
            Block::Paragraph(content) => {
                out.push_str(&inlines(content, Place::LineStart));
                out.push_str("\n\n");
            }
            Block::List(items) => {
                let marker = if other_marker { "*" } else { "-" };
                list(out, items, |_| marker.to_string())
            }
            Block::NumberedList(items) => {
                let delimiter = if other_marker { ')' } else { '.' };
                list(out, items, |n| format!("{n}{delimiter}"))
            }
            Block::Table(table) => write_table(out, table),
            Block::Figure(figure) => write_figure(out, figure),
        }
    }
}

fn list(out: &mut String, items: &[Vec<Inline>], marker: impl Fn(usize) -> String) {
    for (index, item) in items.iter().enumerate() {
        out.push_str(&format!(
            "{} {}\n",
            marker(index + 1),
            inlines(item, Place::LineStart)
        ));
    }
    out.push('\n');
}

fn write_table(out: &mut String, table: &Table) {
    if let Some(caption) = &table.caption {
        out.push_str(&format!(
            "{TABLE_CAPTION} {}\n\n",
            escape(caption, Place::Inside)
        ));
    }
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let names = table.header.iter().map(|name| escape(name, Place::Cell));
    out.push_str(&row(names.collect()));
    out.push_str(&row(table
        .header
        .iter()
        .map(|_| "---".to_string())
        .collect()));
    for cells in &table.rows {
        out.push_str(&row(cells
            .iter()
            .map(|cell| inlines(cell, Place::Cell))
            .collect()));
    }
    out.push('\n');
}

fn write_figure(out: &mut String, figure: &Figure) {
    let caption = figure
        .caption
        .as_ref()
        .map(|caption| {
            let quoted = caption.replace('\\', "\\\\").replace('"', "\\\"");
            format!(" \"{quoted}\"")
        })
        .unwrap_or_default();
    out.push_str(&format!(
        "![{}]({}{caption})\n\n",
        escape(&figure.alt, Place::Inside),
        destination(&figure.image)
    ));
}

/// Where text goes, which decides what must be escaped.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// The start of a paragraph or list item, where `-`, `#`, `1.` would start a block.
    LineStart,
    /// Inside a line.
    Inside,
    /// A heading, where `{…}` would be read as its id or mark and ` #` as its end.
    Heading,
    /// A table cell, where `|` ends the cell.
    Cell,
}

fn inlines(content: &[Inline], place: Place) -> String {
    // Inside markup, only a cell's `|` still needs its escape.
    let inner = if place == Place::Cell {
        Place::Cell
    } else {
        Place::Inside
    };
    let mut out = String::new();
    for (index, inline) in content.iter().enumerate() {
        let place = if index == 0 || place == Place::Cell {
            place
        } else {
            Place::Inside
        };
        match inline {
            Inline::Text(text) => out.push_str(&escape(text, place)),
            Inline::Strong(text) => wrapped(&mut out, "**", text, inner),
            Inline::Emphasis(text) => wrapped(&mut out, "*", text, inner),
            Inline::Link(Link { text, href }) => {
                out.push_str(&format!("[{}]({})", escape(text, inner), destination(href)))
            }
            Inline::BookingLink(text) => {
                out.push_str(&format!("[{}]({BOOKING_HREF})", escape(text, inner)))
            }
        }
    }
    out
}

/// `text` between `marker`s, with its outer spaces outside them (`** a **` is not bold).
fn wrapped(out: &mut String, marker: &str, text: &str, place: Place) {
    let inner = text.trim();
    out.push_str(&text[..text.len() - text.trim_start().len()]);
    out.push_str(&format!("{marker}{}{marker}", escape(inner, place)));
    out.push_str(&text[text.trim_end().len()..]);
}

/// A link's address as Markdown reads it back.
fn destination(href: &str) -> String {
    let mut out = String::new();
    for ch in href.chars() {
        if matches!(ch, '(' | ')' | '\\' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// `text` with every character Markdown would read as markup escaped, and line breaks as
/// spaces.
fn escape(text: &str, place: Place) -> String {
    let chars: Vec<char> = text
        .chars()
        .map(|ch| if ch == '\n' || ch == '\r' { ' ' } else { ch })
        .collect();
    let mut out = String::new();
    for (index, &ch) in chars.iter().enumerate() {
        let next = chars.get(index + 1).copied();
        let previous = index.checked_sub(1).map(|i| chars[i]);
        let at_start = index == 0 && place == Place::LineStart;
        let escaped = match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => true,
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '!' => next == Some('['),
            '|' => place == Place::Cell,
            '{' | '}' => place == Place::Heading,
            '#' => at_start || place == Place::Heading && previous.is_none_or(char::is_whitespace),
            '>' | '-' | '+' | '=' => at_start,
            '.' | ')' => {
                place == Place::LineStart
                    && index > 0
                    && chars[..index].iter().all(char::is_ascii_digit)
            }
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
