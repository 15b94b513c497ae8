//! Code the learner reads and copies, its comments kept as facts: a comment
//! is a [`Note`] the app words in the learner's language (Chinese comments
//! in code are normal in Taiwan), the code lines stay as they are.

/// Lines of code and the comments between or after them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// How a comment starts in the snippet's language (`#`, `//`).
    pub marker: &'static str,
    pub lines: Vec<Line>,
}

/// One line of a [`Snippet`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// Code, as it is.
    Code(String),
    /// A comment on lines of its own, `indent` spaces in.
    Comment { indent: usize, note: Note },
    /// Code, then a comment to the end of the line.
    Trailing { code: String, note: Note },
}

/// What a comment says. Values from the request (a method, a header name)
/// are escaped (`escape_debug`), so they show control characters as `\n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// curl: `fetch` refuses this method (`CONNECT`, `TRACE`, `TRACK`).
    ForbiddenMethod { method: String },
    /// curl: mode `same-origin` to another origin fails before sending.
    SameOriginMode,
    /// curl: mode `no-cors` refuses a method other than GET, HEAD, POST.
    NoCorsMethod { method: String },
    /// curl: a header the browser drops when a script sets it, left out.
    ForbiddenHeader { name: String },
    /// curl: a header mode `no-cors` drops, left out.
    NoCorsHeader { name: String },
    /// curl: `fetch` refuses a body with GET or HEAD; left out.
    BodyWithGetOrHead { method: String },
    /// curl: the body's NUL characters are left out.
    NulInBody,
    /// curl: `-b`/`-c cookies.txt` stand for the browser's cookies.
    Cookies,
    /// Raw headers: what follows answers the preflight.
    PreflightAnswer,
    /// Raw headers: what follows answers the actual request.
    ActualAnswer,
    /// Raw headers (the explainer): the preflight's answer must also allow
    /// whatever it asks for.
    PreflightAsksMore,
    /// axum: why the exact origin and not `Any`, with or without credentials.
    ExactOrigin { credentials: bool },
    /// axum: a method `fetch` does not upper-case is allowed as written.
    MethodKeepsCase { method: String },
    /// axum: where the app's routes go (`.route("/cors", get(handler))`).
    OtherRoutes,
}

impl Snippet {
    pub(crate) fn new(marker: &'static str) -> Snippet {
        Snippet {
            marker,
            lines: Vec::new(),
        }
    }

    pub(crate) fn code(&mut self, code: impl Into<String>) {
        self.lines.push(Line::Code(code.into()));
    }

    pub(crate) fn comment(&mut self, indent: usize, note: Note) {
        self.lines.push(Line::Comment { indent, note });
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Every comment's note, in order.
    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        self.lines.iter().filter_map(|line| match line {
            Line::Code(_) => None,
            Line::Comment { note, .. } | Line::Trailing { note, .. } => Some(note),
        })
    }

    /// The snippet as text, each note in `words` (which may break it into
    /// lines with `\n`). Every line of words gets the comment marker, so no
    /// words can end a comment and slip code in; a trailing comment is kept
    /// on one line.
    pub fn render(&self, words: impl Fn(&Note) -> String) -> String {
        let mut out = String::new();
        for line in &self.lines {
            match line {
                Line::Code(code) => {
                    out.push_str(code);
                    out.push('\n');
                }
                Line::Comment { indent, note } => {
                    for text in words(note).lines() {
                        out.push_str(&" ".repeat(*indent));
                        out.push_str(self.marker);
                        if !text.is_empty() {
                            out.push(' ');
                            out.push_str(text);
                        }
                        out.push('\n');
                    }
                }
                Line::Trailing { code, note } => {
                    let text: Vec<String> = words(note)
                        .lines()
                        .map(|l| l.trim().to_owned())
                        .filter(|l| !l.is_empty())
                        .collect();
                    out.push_str(code);
                    out.push_str("  ");
                    out.push_str(self.marker);
                    out.push(' ');
                    out.push_str(&text.join(" "));
                    out.push('\n');
                }
            }
        }
        out
    }

    /// The snippet with each note as its name (for tests of the code).
    #[cfg(test)]
    pub(crate) fn plain(&self) -> String {
        self.render(|note| format!("{note:?}"))
    }
}
