package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput.ScrollOrigin;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.footnote.TestCorpus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The chat page in headless Chromium from Debian (installed by {@code scripts/browser} when missing), driven
 * by Selenium. Each state is saved under {@code target/screenshots/}.
 */
@QuarkusTest
@Tag("browser")
class ChatPageBrowserTest {

    private static final String QUESTION = "What does Goedecke say centaur chess describes?";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = newBrowser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Headless Chromium from Debian (installed by scripts/browser when missing), with a profile of its own. */
    static ChromeDriver newBrowser() throws IOException, InterruptedException {
        Map<String, String> paths = installBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(paths.get("CHROMIUM"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory("footnote-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(paths.get("CHROMEDRIVER"))).usingAnyFreePort().build();
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openPage() {
        browser.get(page.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#essay-list li")));
    }

    @Test
    void should_start_with_what_footnote_holds_and_questions_to_try() throws IOException {
        int essays = given().get("/api/essays").jsonPath().getList("").size();
        WebElement intro = browser.findElement(By.id("intro"));
        assertThat(intro.isDisplayed()).isTrue();
        wait.until(driver -> !driver.findElements(By.cssSelector("#intro-examples button")).isEmpty());
        assertThat(intro.getText()).contains("Footnote answers questions about " + essays + " essays")
                .contains("quotes the passage behind every claim").contains("Try one of these");
        List<WebElement> examples = browser.findElements(By.cssSelector("#intro-examples button"));
        assertThat(examples).hasSize(OverviewResource.EXAMPLES);
        screenshot("0-start");

        String example = examples.get(0).getText();
        examples.get(0).click();
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        assertThat(browser.findElement(By.cssSelector(".message.user")).getText()).isEqualTo(example);
        assertThat(answer.findElements(By.cssSelector("button.cite"))).isNotEmpty();
        assertThat(intro.isDisplayed()).as("the start screen gives way to the conversation").isFalse();
    }

    @Test
    void should_stream_an_answer_with_citations_whose_tooltip_and_highlight_show_the_quote() throws IOException {
        String quote = given().contentType(ContentType.JSON).body(Map.of("question", QUESTION)).post("/api/chat")
                .jsonPath().getString("citations[0].quote");
        // ask, with Enter
        browser.findElement(By.id("question")).sendKeys(QUESTION, Keys.ENTER);
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        assertThat(answer.findElement(By.className("status")).getText()).isEqualTo("Offline answerer");
        assertThat(answer.getText().split("Quoted from the essays", -1)).as("said once").hasSize(2);
        WebElement cite = answer.findElement(By.cssSelector("button.cite"));
        screenshot("1-answer");
        // hover: the tooltip shows the quote, title and author
        new Actions(browser).moveToElement(cite).perform();
        WebElement tooltip = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tooltip")));
        assertThat(tooltip.getText()).contains(quote)
                .contains("AI is good news for Australian and European software engineers").contains("Sean Goedecke");
        screenshot("2-tooltip");
        // click: the essay opens with the quote highlighted, and the tooltip makes way for it
        cite.click();
        WebElement highlight = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("highlight")));
        assertThat(highlight.getText()).isEqualTo(quote);
        assertThat(tooltip.isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).contains("#essay=").contains("&start=").contains("&end=");
        screenshot("3-essay");
        // the URL reopens the same view
        String deepLink = browser.getCurrentUrl();
        browser.get("about:blank");
        browser.get(deepLink);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("highlight"))).getText())
                .isEqualTo(quote);
    }

    @Test
    void should_reach_citations_with_the_keyboard_and_add_lines_with_shift_enter() {
        WebElement question = browser.findElement(By.id("question"));
        question.sendKeys("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line");
        assertThat(question.getAttribute("value")).isEqualTo("first line\nsecond line");
        assertThat(browser.findElements(By.cssSelector(".message"))).isEmpty();
        question.clear();
        question.sendKeys(QUESTION, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done button.cite")));
        WebElement cite = browser.findElement(By.cssSelector(".message.done button.cite"));
        assertThat(cite.getAttribute("aria-label")).startsWith("Citation 1: ");
        // the citation comes just before the question box in the tab order
        browser.findElement(By.id("question")).sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(browser.switchTo().activeElement()).isEqualTo(cite);
        assertThat(browser.findElement(By.id("tooltip")).isDisplayed()).isTrue();
    }

    @Test
    void should_say_when_the_essays_do_not_cover_a_question() throws IOException {
        browser.findElement(By.id("question")).sendKeys("What is the best time of year to plant tulip bulbs?", Keys.ENTER);
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.not-found")));
        assertThat(answer.getText()).contains("don't cover");
        assertThat(answer.findElement(By.className("status")).getText()).isEqualTo("Not answered from the essays");
        assertThat(answer.findElements(By.cssSelector("button.cite"))).isEmpty();
        // tulips are nowhere near the essays: no "nearest essays" that are not near at all
        wait.until(driver -> "settled".equals(answer.getAttribute("data-nearest")));
        assertThat(answer.findElements(By.className("nearest"))).isEmpty();
        screenshot("4-not-found");
    }

    @Test
    void should_show_a_readable_error_when_the_server_cannot_answer() throws IOException {
        // given a server whose model is down: the stream request answers 503 with a problem
        ((JavascriptExecutor) browser).executeScript(String.join("\n",
                "const realFetch = window.fetch;",
                "window.fetch = (url, options) => String(url).includes('api/chat/stream')",
                "  ? Promise.resolve(new Response(JSON.stringify({type: 'about:blank', title: 'Service Unavailable',",
                "      status: 503, detail: 'the openai model server failed: connection refused'}),",
                "      {status: 503, headers: {'Content-Type': 'application/problem+json'}}))",
                "  : realFetch(url, options);"));
        browser.findElement(By.id("question")).sendKeys(QUESTION, Keys.ENTER);
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.error")));
        assertThat(answer.getText()).contains("Something went wrong")
                .contains("the openai model server failed: connection refused");
        screenshot("7-error");
    }

    @Test
    void should_show_indexing_progress_instead_of_a_refusal_while_the_first_index_is_built() throws IOException {
        // given a server still building its first index: 503 with Retry-After and the progress
        ((JavascriptExecutor) browser).executeScript(String.join("\n",
                "const realFetch = window.fetch;",
                "window.fetch = (url, options) => /api\\/(chat\\/stream|overview|essays)/.test(String(url))",
                "  ? Promise.resolve(new Response(JSON.stringify({type: 'about:blank', title: 'Service Unavailable',",
                "      status: 503, detail: 'Footnote is indexing the essays (12 of 47); try again in a few seconds'}),",
                "      {status: 503, headers: {'Content-Type': 'application/problem+json', 'Retry-After': '5'}}))",
                "  : realFetch(url, options);",
                "loadOverview();",
                "loadEssays();"));
        String progress = "Footnote is indexing the essays (12 of 47); try again in a few seconds.";
        // the start screen and the essay list say so once, in the server's words
        wait.until(ExpectedConditions.textToBe(By.id("intro-summary"), progress));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#essay-list li.indexing"), progress));
        browser.findElement(By.id("question")).sendKeys(QUESTION, Keys.ENTER);
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.indexing")));
        assertThat(answer.getText()).contains("Still indexing").contains(progress)
                .doesNotContain("don't cover").doesNotContain("Something went wrong");
        screenshot("8-indexing");
    }

    @Test
    void should_scroll_a_quote_deep_in_a_long_essay_into_view_on_the_first_open() throws IOException {
        Map<String, Object> deepest = deepestPassage();
        String id = (String) ((Map<?, ?>) deepest.get("essay")).get("id");
        int start = ((Number) deepest.get("start")).intValue();
        // opened fresh from its address, when the panel was hidden until then
        browser.get(page + "#essay=" + id + "&start=" + start + "&end=" + (start + 40));
        WebElement highlight = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("highlight")));
        wait.until(driver -> inView(highlight, driver.findElement(By.id("essay-view"))));
        screenshot("9-deep-quote");
    }

    @Test
    void should_find_a_linked_quote_again_after_the_essay_has_changed() throws IOException {
        Map<String, Object> passage = given().queryParam("q", "centaur chess").queryParam("k", 1)
                .get("/api/passages").jsonPath().getMap("passages[0]");
        String id = (String) ((Map<?, ?>) passage.get("essay")).get("id");
        String text = (String) passage.get("text");
        int start = ((Number) passage.get("start")).intValue();
        String quote = text.substring(0, text.indexOf('.') + 1);
        String link = page + "#essay=" + id + "&quote=" + URLEncoder.encode(quote, StandardCharsets.UTF_8)
                .replace("+", "%20");

        // where it was: highlighted, nothing to say
        browser.get(link + "&start=" + start + "&end=" + (start + quote.length()));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("highlight"))).getText())
                .isEqualTo(quote);
        assertThat(browser.findElement(By.id("essay-note")).isDisplayed()).isFalse();

        // offsets from an older version of the essay: the quote is found where it stands now, and the page says so
        browser.get("about:blank");
        browser.get(link + "&start=" + (start + 500) + "&end=" + (start + 500 + quote.length()));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("highlight"))).getText())
                .isEqualTo(quote);
        assertThat(browser.findElement(By.id("essay-note")).getText()).contains("highlighted where it stands now");
        screenshot("11-moved-quote");

        // a quote the essay no longer holds: nothing is highlighted
        browser.get("about:blank");
        browser.get(page + "#essay=" + id + "&start=" + start + "&end=" + (start + 20) + "&quote=Gone%20words.");
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("essay-note")));
        assertThat(note.getText()).contains("no longer in it");
        assertThat(browser.findElements(By.id("highlight"))).isEmpty();
    }

    @Test
    void should_keep_the_question_box_on_screen_as_the_conversation_grows() {
        for (int i = 0; i < 4; i++) {
            browser.findElement(By.id("question")).sendKeys(QUESTION, Keys.ENTER);
            int answered = i + 1;
            wait.until(driver -> driver.findElements(By.cssSelector(".message.done")).size() == answered);
        }
        Long bottom = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.round(document.getElementById('question').getBoundingClientRect().bottom)");
        Long height = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerHeight");
        assertThat(bottom).as("question box bottom within the window").isLessThanOrEqualTo(height);
    }

    @Test
    void should_bring_a_new_question_and_the_start_of_its_answer_into_view_once_answers_fill_the_column()
            throws IOException {
        WebElement messages = browser.findElement(By.id("messages"));
        int answered = 0;
        do {
            askAndWait(QUESTION, ++answered);
        } while (answered < 8 && !(Boolean) script("return arguments[0].scrollHeight > arguments[0].clientHeight",
                messages));
        askAndWait(QUESTION, ++answered);
        assertThat(inView(last(".message.user"), messages)).as("the new question in view").isTrue();
        assertThat(startInView(last(".message.done .answer"), messages)).as("the start of its answer in view").isTrue();
        screenshot("13-new-answer-in-view");
    }

    @Test
    void should_keep_a_streaming_answer_in_view_until_the_reader_scrolls_away() throws IOException {
        script(FAKE_STREAM);
        WebElement messages = browser.findElement(By.id("messages"));
        // a long first answer fills the column
        askFake("First question", 1);
        sendDone(answer(lines("first answer", 60), List.of()));
        wait.until(driver -> driver.findElements(By.cssSelector(".message.done")).size() == 1);

        // the next question and the start of its answer come into view as the answer streams in
        askFake("Second question", 2);
        WebElement question = last(".message.user");
        send("token", "The second answer starts here.");
        WebElement answer = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.streaming .answer")));
        wait.until(driver -> answer.getText().startsWith("The second answer starts here."));
        assertThat(inView(question, messages)).as("the question as its answer starts").isTrue();
        assertThat(startInView(answer, messages)).as("the start of the answer").isTrue();

        // a long answer does not pull the reader past its start
        send("token", "\n" + lines("second answer", 60));
        wait.until(driver -> answer.getText().endsWith("Line 60 of the second answer."));
        assertThat(inView(question, messages)).as("the question as the answer grows").isTrue();
        assertThat(startInView(answer, messages)).as("the start of the growing answer").isTrue();
        screenshot("14-streaming-answer-in-view");

        // a reader who scrolls back up is left there while the answer goes on
        new Actions(browser).scrollFromOrigin(ScrollOrigin.fromElement(messages), 0, -100_000).perform();
        wait.until(driver -> scrollTop(messages) == 0);
        send("token", " More.");
        wait.until(driver -> answer.getText().endsWith("More."));
        sendDone(answer("The second answer starts here.\n" + lines("second answer", 60) + " More.", List.of()));
        wait.until(driver -> driver.findElements(By.cssSelector(".message.done")).size() == 2);
        assertThat(scrollTop(messages)).as("where the reader scrolled to").isZero();
    }

    @Test
    void should_show_the_question_box_without_scrolling_on_a_phone() throws IOException {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.get(page.toString());
            wait.until(driver -> !driver.findElements(By.cssSelector("#intro-examples button")).isEmpty());
            assertThat(script("return [innerWidth, innerHeight]")).isEqualTo(List.of(390L, 844L));
            WebElement question = browser.findElement(By.id("question"));
            assertThat(onScreen(question)).as("question box at the start").isTrue();
            screenshot("15-phone-start");

            question.sendKeys(QUESTION, Keys.ENTER);
            WebElement answer = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
            assertThat(onScreen(question)).as("question box after an answer").isTrue();
            assertThat(startInView(answer.findElement(By.className("answer")), browser.findElement(By.id("messages"))))
                    .as("the answer").isTrue();
            assertThat(pageScroll()).as("the page itself does not scroll").isZero();
            screenshot("16-phone-answer");

            // a citation opens its essay over the conversation, and closing it gives the conversation back
            answer.findElement(By.cssSelector("button.cite")).click();
            WebElement highlight = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("highlight")));
            wait.until(driver -> onScreen(highlight));
            screenshot("17-phone-essay");
            browser.findElement(By.id("close-essay")).click();
            assertThat(onScreen(question)).as("question box after the essay closes").isTrue();
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void should_open_a_citation_without_moving_the_page_and_keep_the_essay_heading_above_its_text()
            throws IOException {
        // an answer citing a passage deep in the longest essay
        Map<String, Object> deepest = deepestPassage();
        String text = (String) deepest.get("text");
        Map<String, Object> citation = Map.of("n", 1, "essay", deepest.get("essay"), "start", deepest.get("start"),
                "text", text, "quote", text.substring(0, Math.min(80, text.length())));
        script(FAKE_STREAM);
        askFake("How does it end?", 1);
        sendDone(answer("This is how it ends. [1]", List.of(citation)));

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".message.done button.cite"))).click();
        WebElement highlight = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("highlight")));
        WebElement view = browser.findElement(By.id("essay-view"));
        wait.until(driver -> inView(highlight, view));
        assertThat(pageScroll()).as("the page stays where it was").isZero();
        assertThat(browser.findElement(By.className("bar")).getRect().getY()).as("the header's top").isZero();
        WebElement title = browser.findElement(By.id("essay-title"));
        WebElement meta = browser.findElement(By.id("essay-meta"));
        assertThat(meta.getText()).isNotEmpty();
        assertThat(inView(title, view)).as("the essay's title above its quote").isTrue();
        assertThat(inView(meta, view)).as("its author, date and source above its quote").isTrue();
        screenshot("18-essay-heading");

        // scrolling the essay moves its text only
        int titleY = title.getRect().getY();
        int metaY = meta.getRect().getY();
        int highlightY = highlight.getRect().getY();
        new Actions(browser).scrollFromOrigin(ScrollOrigin.fromElement(highlight), 0, -300).perform();
        wait.until(driver -> highlight.getRect().getY() > highlightY);
        assertThat(title.getRect().getY()).as("the title stays").isEqualTo(titleY);
        assertThat(meta.getRect().getY()).as("the author line stays").isEqualTo(metaY);
        assertThat(pageScroll()).as("the page still stays").isZero();
    }

    /** Asks {@code question} in the page and waits for it to be the {@code n}th answered. */
    private void askAndWait(String question, int n) {
        browser.findElement(By.id("question")).sendKeys(question, Keys.ENTER);
        wait.until(driver -> driver.findElements(By.cssSelector(".message.done")).size() == n);
    }

    private static WebElement last(String selector) {
        List<WebElement> all = browser.findElements(By.cssSelector(selector));
        assertThat(all).as(selector).isNotEmpty();
        return all.get(all.size() - 1);
    }

    /** A passage near the end of the longest essay. */
    private static Map<String, Object> deepestPassage() {
        List<Map<String, Object>> essays = given().get("/api/essays").jsonPath().getList("");
        Map<String, Object> longest = essays.stream()
                .max(java.util.Comparator.comparingInt(e -> ((Number) e.get("passages")).intValue())).orElseThrow();
        List<Map<String, Object>> passages = given().queryParam("q", "conclusion")
                .queryParam("essay", longest.get("id")).queryParam("k", 50).get("/api/passages").jsonPath()
                .getList("passages");
        return passages.stream()
                .max(java.util.Comparator.comparingInt(p -> ((Number) p.get("start")).intValue())).orElseThrow();
    }

    /**
     * Answers the page's questions from the test instead of the server: {@code window.__send(name, data)} passes
     * an event of the stream to the page, as the server would; {@code window.__asked} counts the questions.
     */
    private static final String FAKE_STREAM = String.join("\n",
            "const realFetch = window.fetch;",
            "window.__asked = 0;",
            "window.fetch = (url, options) => String(url).includes('api/chat/stream')",
            "  ? Promise.resolve(new Response(new ReadableStream({",
            "      start(c) { window.__stream = c; window.__asked++; } }),",
            "      {status: 200, headers: {'Content-Type': 'text/event-stream'}}))",
            "  : realFetch(url, options);",
            "window.__send = (name, data) => window.__stream.enqueue(new TextEncoder().encode(",
            "  `event: ${name}\\n` + data.split('\\n').map((line) => `data: ${line}\\n`).join('') + '\\n'));");

    /** Asks {@code question} in the page and waits for it to reach the fake stream as its {@code n}th question. */
    private void askFake(String question, int n) {
        browser.findElement(By.id("question")).sendKeys(question, Keys.ENTER);
        wait.until(driver -> ((Number) script("return window.__asked")).intValue() == n);
    }

    private static void send(String event, String data) {
        script("window.__send(arguments[0], arguments[1])", event, data);
    }

    /** Sends the done event with {@code answer} and ends the stream. */
    private static void sendDone(Map<String, Object> answer) {
        script("window.__send('done', JSON.stringify(arguments[0])); window.__stream.close()", answer);
    }

    private static Map<String, Object> answer(String text, List<Map<String, Object>> citations) {
        return Map.of("answer", text, "citations", citations, "grounded", true, "provider", "extractive",
                "conversationId", "test-conversation");
    }

    private static String lines(String what, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "Line " + i + " of the " + what + ".")
                .collect(Collectors.joining("\n"));
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static long scrollTop(WebElement element) {
        return ((Number) script("return Math.round(arguments[0].scrollTop)", element)).longValue();
    }

    private static long pageScroll() {
        return ((Number) script("return Math.round(document.scrollingElement.scrollTop)")).longValue();
    }

    /** Whether the whole of {@code element} is inside the window as it stands, without scrolling the page. */
    private static boolean onScreen(WebElement element) {
        return (Boolean) script("const e = arguments[0].getBoundingClientRect();"
                + " return e.top >= 0 && e.bottom <= window.innerHeight && e.height > 0"
                + " && document.scrollingElement.scrollTop === 0;", element);
    }

    /** Whether the top of {@code element}, its first line at least, shows in {@code container}. */
    private static boolean startInView(WebElement element, WebElement container) {
        return (Boolean) script("const e = arguments[0].getBoundingClientRect();"
                + " const c = arguments[1].getBoundingClientRect();"
                + " const line = parseFloat(getComputedStyle(arguments[0]).lineHeight);"
                + " return e.top >= c.top && e.top + line <= c.bottom + 1;", element, container);
    }

    private static boolean inView(WebElement element, WebElement container) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("const e = arguments[0].getBoundingClientRect();"
                + " const c = arguments[1].getBoundingClientRect();"
                + " return e.top >= c.top && e.bottom <= c.bottom + 1 && e.height > 0;", element, container);
    }

    @Test
    void should_show_markup_in_an_essay_as_text_and_run_none_of_it() throws IOException {
        browser.findElement(By.id("essay-filter")).sendKeys("Markup");
        WebElement entry = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#essay-list li button")));
        assertThat(entry.getText()).startsWith(TestCorpus.MARKUP_TITLE);
        entry.click();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("essay-text")));
        assertThat(text.getText()).contains("<script>window.__footnoteXss = true;</script>")
                .contains("<img src=\"x\" onerror=\"window.__footnoteXss = true\">");
        assertThat(browser.findElement(By.id("essay-title")).getText()).isEqualTo(TestCorpus.MARKUP_TITLE);
        assertThat(text.findElements(By.tagName("script"))).isEmpty();
        assertThat(text.findElements(By.tagName("img"))).isEmpty();
        // ask about it too: the quoted answer is text as well
        browser.findElement(By.id("question")).sendKeys("How many hours of sun do tomato plants need?", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__footnoteXss === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#messages img, #messages script"))).isEmpty();
        screenshot("5-markup-as-text");
    }

    @Test
    void should_start_over_with_new_chat_and_fit_a_phone_screen() throws IOException {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(PLACEHOLDER_FITS,
                    browser.findElement(By.id("question")))).as("placeholder fits the box at phone width").isTrue();
            browser.findElement(By.id("question")).sendKeys(QUESTION, Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
            Long overflow = (Long) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow).as("horizontal overflow at phone width").isLessThanOrEqualTo(0L);
            screenshot("6-phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        }
        // with an essay open from a citation: a new chat closes it and drops it from the address
        browser.findElement(By.cssSelector(".message.done button.cite")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("highlight")));
        browser.findElement(By.id("new-chat")).click();
        assertThat(browser.findElements(By.cssSelector(".message"))).isEmpty();
        assertThat(browser.findElement(By.id("essay-view")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).doesNotContain("#");
        assertThat(browser.findElement(By.id("intro")).isDisplayed()).isTrue();
    }

    @Test
    void should_keep_a_long_essay_title_clear_of_the_close_button() throws IOException {
        List<Map<String, Object>> essays = given().get("/api/essays").jsonPath().getList("");
        String id = (String) essays.stream()
                .max(java.util.Comparator.comparingInt(e -> ((String) e.get("title")).length())).orElseThrow().get("id");
        browser.get(page + "#essay=" + id);
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("essay-title")));
        wait.until(driver -> !title.getText().isEmpty());
        WebElement close = browser.findElement(By.id("close-essay"));
        assertThat(title.getRect().getX() + title.getRect().getWidth()).as("title's right edge")
                .isLessThanOrEqualTo(close.getRect().getX());
        screenshot("10-long-title");
    }

    /** Whether a textarea's placeholder, laid out like its text, fits in the box without scrolling. */
    private static final String PLACEHOLDER_FITS = String.join("\n",
            "const box = arguments[0]; const style = getComputedStyle(box);",
            "const probe = document.createElement('div');",
            "for (const p of ['font', 'letterSpacing', 'paddingLeft', 'paddingRight', 'paddingTop', 'paddingBottom',",
            "    'borderLeftWidth', 'borderRightWidth', 'lineHeight', 'boxSizing']) probe.style[p] = style[p];",
            "probe.style.width = box.getBoundingClientRect().width + 'px'; probe.style.borderStyle = 'solid';",
            "probe.style.borderTopWidth = '0'; probe.style.borderBottomWidth = '0';",
            "probe.style.whiteSpace = 'pre-wrap'; probe.style.position = 'absolute'; probe.style.visibility = 'hidden';",
            "probe.textContent = box.placeholder; document.body.append(probe);",
            "const fits = probe.scrollHeight <= box.clientHeight; probe.remove(); return fits;");

    private static void screenshot(String name) throws IOException {
        screenshot(browser, name);
    }

    /** Saves what {@code browser} shows as {@code target/screenshots/NAME.png}. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> installBrowser() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("scripts/browser").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("scripts/browser failed; see its output above");
        }
        Map<String, String> paths = new HashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> paths.put(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1)));
        return paths;
    }
}
