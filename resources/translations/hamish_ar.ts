<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar_EG">
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="114" />
        <source>Note…</source>
        <translation>ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="115" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="119" />
        <source>Tag:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="138" />
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/panels.py" line="162" />
        <source>%n highlight(s)</source>
        <translation><numerusform>لا تظليلات</numerusform><numerusform>تظليل واحد</numerusform><numerusform>تظليلان</numerusform><numerusform>%n تظليلات</numerusform><numerusform>%n تظليلًا</numerusform><numerusform>%n تظليل</numerusform></translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../reader/ui/models.py" line="125" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models.py" line="126" />
        <source>Imported</source>
        <translation>تاريخ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models.py" line="127" />
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="355" />
        <source>Tag as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="359" />
        <source>Highlight with a note…</source>
        <translation>تظليل مع ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="366" />
        <source>Delete highlight “%1”</source>
        <translation>حذف التظليل «%1»</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="67" />
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="69" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="73" />
        <source>Hamish JSON (imports back, with the article text)</source>
        <translation>JSON هامش (يُستورد مجددًا، مع نص المقال)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="74" />
        <source>W3C Web Annotation JSON-LD</source>
        <translation>JSON-LD وفق W3C Web Annotation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="75" />
        <source>Markdown, for reading</source>
        <translation>Markdown، للقراءة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="84" />
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="86" />
        <source>This article</source>
        <translation>هذا المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="87" />
        <source>The whole library</source>
        <translation>المكتبة كلها</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="49" />
        <source>Find in article</source>
        <translation>بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="51" />
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="52" />
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="53" />
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="54" />
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="55" />
        <source>Delete…</source>
        <translation>حذف…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="71" />
        <location filename="../../reader/ui/main_window.py" line="558" />
        <source>Hamish</source>
        <translation>هامش</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="100" />
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="103" />
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="104" />
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="105" />
        <source>Annotations and search</source>
        <translation>التعليقات والبحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="111" />
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="133" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="134" />
        <source>&amp;Import articles…</source>
        <translation>ا&amp;ستيراد مقالات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="135" />
        <source>Import &amp;annotations…</source>
        <translation>استيراد ت&amp;عليقات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="136" />
        <source>&amp;Export annotations…</source>
        <translation>&amp;تصدير التعليقات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="138" />
        <source>&amp;Rebuild search index</source>
        <translation>إعادة &amp;بناء فهرس البحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="140" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="142" />
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="143" />
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="145" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="150" />
        <source>&amp;Find in article</source>
        <translation>&amp;بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151" />
        <source>Search &amp;highlights</source>
        <translation>البحث في الت&amp;ظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="152" />
        <source>Highlight with a &amp;note…</source>
        <translation>تظليل مع &amp;ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="154" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="155" />
        <source>&amp;Larger text</source>
        <translation>نص أ&amp;كبر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158" />
        <source>&amp;Smaller text</source>
        <translation>نص أ&amp;صغر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="159" />
        <source>Line &amp;spacing</source>
        <translation>ت&amp;باعد الأسطر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="162" />
        <source>&amp;Theme</source>
        <translation>ال&amp;سمة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163" />
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163" />
        <source>Sepia</source>
        <translation>بني داكن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163" />
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="170" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="171" />
        <source>&amp;Keys</source>
        <translation>الم&amp;فاتيح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="217" />
        <location filename="../../reader/ui/main_window.py" line="238" />
        <source>%1 — Hamish</source>
        <translation>%1 — هامش</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="233" />
        <source>Rename article</source>
        <translation>إعادة تسمية المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="233" />
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="244" />
        <source>Delete article</source>
        <translation>حذف المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="245" />
        <source>Delete “%1” and its %2 highlight(s)? This cannot be undone.</source>
        <translation>حذف «%1» وتظليلاته (%2)؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="277" />
        <location filename="../../reader/ui/main_window.py" line="297" />
        <source>Select some text first</source>
        <translation>حدّد نصًا أولًا</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="286" />
        <source>Tag as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="290" />
        <source>Highlight as %1</source>
        <translation>تظليل بوسم %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="291" />
        <source>Highlighted as %1: %2</source>
        <translation>ظُلّل بوسم %1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="306" />
        <source>Highlight with a note</source>
        <translation>تظليل مع ملاحظة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="314" />
        <source>Edit note</source>
        <translation>تعديل الملاحظة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="320" />
        <source>Change tags</source>
        <translation>تغيير الوسوم</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="326" />
        <source>Delete highlight</source>
        <translation>حذف التظليل</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="327" />
        <source>Highlight moved to the trash (Ctrl+Z brings it back)</source>
        <translation>نُقل التظليل إلى المهملات (Ctrl+Z يعيده)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="403" />
        <source>%n match(es)</source>
        <translation><numerusform>لا نتائج</numerusform><numerusform>نتيجة واحدة</numerusform><numerusform>نتيجتان</numerusform><numerusform>%n نتائج</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="419" />
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="420" />
        <source>Articles (%1)</source>
        <translation>مقالات (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="427" />
        <source>An import is already running</source>
        <translation>يجري استيراد آخر الآن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="429" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="429" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="430" />
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="453" />
        <source>Some files were not imported</source>
        <translation>لم تُستورد بعض الملفات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="455" />
        <source>Import cancelled</source>
        <translation>أُلغي الاستيراد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="457" />
        <source>%n article(s) imported</source>
        <translation><numerusform>لم يُستورد أي مقال</numerusform><numerusform>استُورد مقال واحد</numerusform><numerusform>استُورد مقالان</numerusform><numerusform>استُوردت %n مقالات</numerusform><numerusform>استُورد %n مقالًا</numerusform><numerusform>استُورد %n مقال</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="463" />
        <source>Import annotations</source>
        <translation>استيراد التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="464" />
        <source>Annotations (*.json *.jsonld)</source>
        <translation>تعليقات (*.json *.jsonld)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="479" />
        <source>%1 added, %2 updated, %3 unchanged, %4 orphan(s)</source>
        <translation>أُضيف %1، حُدّث %2، بلا تغيير %3، يتيمة %4</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="482" />
        <source>Annotations imported</source>
        <translation>استُوردت التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="491" />
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="496" />
        <source>Exported to %1</source>
        <translation>صُدّر إلى %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="499" />
        <source>Rebuilding the search index…</source>
        <translation>جارٍ إعادة بناء فهرس البحث…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="504" />
        <source>Rebuilding the search index… %1</source>
        <translation>جارٍ إعادة بناء فهرس البحث… %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="507" />
        <source>Search index rebuilt: %n highlight(s)</source>
        <translation><numerusform>أُعيد بناء فهرس البحث: لا تظليلات</numerusform><numerusform>أُعيد بناء فهرس البحث: تظليل واحد</numerusform><numerusform>أُعيد بناء فهرس البحث: تظليلان</numerusform><numerusform>أُعيد بناء فهرس البحث: %n تظليلات</numerusform><numerusform>أُعيد بناء فهرس البحث: %n تظليلًا</numerusform><numerusform>أُعيد بناء فهرس البحث: %n تظليل</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="541" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="542" />
        <source>Select text, then press a tag's key:</source>
        <translation>حدّد نصًا ثم اضغط مفتاح الوسم:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="543" />
        <source>Ctrl+F find in article · Ctrl+Shift+F search highlights</source>
        <translation>Ctrl+F بحث في المقال · Ctrl+Shift+F بحث في التظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="544" />
        <source>Ctrl+N highlight with a note · Ctrl+Z / Ctrl+Shift+Z undo / redo</source>
        <translation>Ctrl+N تظليل مع ملاحظة · Ctrl+Z / Ctrl+Shift+Z تراجع / إعادة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="545" />
        <source>Ctrl+= / Ctrl+- text size · Esc clear the selection</source>
        <translation>Ctrl+= / Ctrl+- حجم النص · Esc إلغاء التحديد</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="24" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="189" />
        <source>Search highlights: words, tag:company, "a phrase", pre*</source>
        <translation>ابحث في التظليلات: كلمات، tag:company، "عبارة"، بادئة*</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/panels.py" line="217" />
        <source>%n result(s)</source>
        <translation><numerusform>لا نتائج</numerusform><numerusform>نتيجة واحدة</numerusform><numerusform>نتيجتان</numerusform><numerusform>%n نتائج</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>TagToolbar</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="75" />
        <source>Tag the selection as “%1”</source>
        <translation>وسم التحديد بـ «%1»</translation>
    </message>
</context>
</TS>