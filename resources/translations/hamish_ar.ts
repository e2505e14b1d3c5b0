<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="122"/>
        <source>Note…</source>
        <translation>ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="123"/>
        <source>Tags…</source>
        <translation>الوسوم…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="124"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="129"/>
        <source>Tag:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="149"/>
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="184"/>
        <source>New tag…</source>
        <translation>وسم جديد…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/panels.py" line="197"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>لا تظليلات</numerusform>
            <numerusform>تظليل واحد</numerusform>
            <numerusform>تظليلان</numerusform>
            <numerusform>%n تظليلات</numerusform>
            <numerusform>%n تظليلًا</numerusform>
            <numerusform>%n تظليل</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../reader/ui/models.py" line="125"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models.py" line="126"/>
        <source>Imported</source>
        <translation>تاريخ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models.py" line="127"/>
        <source>Highlights</source>
        <translation>التظليلات</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="411"/>
        <source>Tag as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="415"/>
        <source>Highlight with a note…</source>
        <translation>تظليل مع ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="423"/>
        <source>Note on “%1”…</source>
        <translation>ملاحظة على «%1»…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="426"/>
        <source>Tags of “%1”…</source>
        <translation>وسوم «%1»…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="429"/>
        <source>Delete highlight “%1”</source>
        <translation>حذف التظليل «%1»</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="104"/>
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="106"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="110"/>
        <source>Hamish JSON (imports back, with the article text)</source>
        <translation>JSON هامش (يُستورد مجددًا، مع نص المقال)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="111"/>
        <source>W3C Web Annotation JSON-LD</source>
        <translation>JSON-LD وفق W3C Web Annotation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="112"/>
        <source>Markdown, for reading</source>
        <translation>Markdown، للقراءة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="121"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="123"/>
        <source>This article</source>
        <translation>هذا المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="124"/>
        <source>The whole library</source>
        <translation>المكتبة كلها</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="50"/>
        <source>Find in article</source>
        <translation>بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="52"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="53"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="54"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="56"/>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="57"/>
        <source>Delete…</source>
        <translation>حذف…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="138"/>
        <location filename="../../reader/ui/main_window.py" line="746"/>
        <source>Hamish</source>
        <translation>هامش</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="122"/>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="125"/>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="126"/>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="127"/>
        <source>Annotations and search</source>
        <translation>التعليقات والبحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="133"/>
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="167"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="168"/>
        <source>&amp;Import articles…</source>
        <translation>ا&amp;ستيراد مقالات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="169"/>
        <source>Import &amp;annotations…</source>
        <translation>استيراد ت&amp;عليقات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="170"/>
        <source>&amp;Export annotations…</source>
        <translation>&amp;تصدير التعليقات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="172"/>
        <source>&amp;Rebuild search index</source>
        <translation>إعادة &amp;بناء فهرس البحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="174"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="176"/>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="177"/>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="179"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="184"/>
        <source>&amp;Find in article</source>
        <translation>&amp;بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="185"/>
        <source>Search &amp;highlights</source>
        <translation>البحث في الت&amp;ظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="186"/>
        <source>Highlight with a &amp;note…</source>
        <translation>تظليل مع &amp;ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="187"/>
        <source>&amp;Trash…</source>
        <translation>المه&amp;ملات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="189"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="190"/>
        <source>&amp;Larger text</source>
        <translation>نص أ&amp;كبر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="193"/>
        <source>&amp;Smaller text</source>
        <translation>نص أ&amp;صغر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="194"/>
        <source>Line &amp;spacing</source>
        <translation>ت&amp;باعد الأسطر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="197"/>
        <source>&amp;Theme</source>
        <translation>ال&amp;سمة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="198"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="198"/>
        <source>Sepia</source>
        <translation>بني داكن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="198"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="205"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="206"/>
        <source>&amp;Keys</source>
        <translation>الم&amp;فاتيح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="138"/>
        <source>%1 — Hamish</source>
        <translation>%1 — هامش</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="104"/>
        <source>This library is read-only (its folder cannot be written): you can read and search, but new highlights and changes cannot be saved.</source>
        <translation>هذه المكتبة للقراءة فقط (لا يمكن الكتابة في مجلدها): يمكنك القراءة والبحث، لكن لا يمكن حفظ تظليلات أو تعديلات جديدة.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="140"/>
        <source>%1 (read-only)</source>
        <translation>%1 (للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="146"/>
        <source>This library is read-only: changes cannot be saved</source>
        <translation>هذه المكتبة للقراءة فقط: لا يمكن حفظ التعديلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="279"/>
        <source>Rename article</source>
        <translation>إعادة تسمية المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="279"/>
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="290"/>
        <source>Delete article</source>
        <translation>حذف المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="291"/>
        <source>Delete “%1” and its %2 highlight(s)? This cannot be undone.</source>
        <translation>حذف «%1» وتظليلاته (%2)؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="327"/>
        <location filename="../../reader/ui/main_window.py" line="351"/>
        <source>Select some text first</source>
        <translation>حدّد نصًا أولًا</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="336"/>
        <source>Tag as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="342"/>
        <source>Highlight as %1</source>
        <translation>تظليل بوسم %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="343"/>
        <source>Highlighted as %1: %2</source>
        <translation>ظُلّل بوسم %1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="364"/>
        <source>Highlight with a note</source>
        <translation>تظليل مع ملاحظة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="372"/>
        <source>Edit note</source>
        <translation>تعديل الملاحظة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="378"/>
        <source>Change tags</source>
        <translation>تغيير الوسوم</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="386"/>
        <source>New tag</source>
        <translation>وسم جديد</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="386"/>
        <source>Name of the new tag:</source>
        <translation>اسم الوسم الجديد:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="394"/>
        <source>New tag “%1” (key %2)</source>
        <translation>وسم جديد «%1» (المفتاح %2)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="406"/>
        <source>Restore highlight</source>
        <translation>استعادة التظليل</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="418"/>
        <source>Delete highlight</source>
        <translation>حذف التظليل</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="419"/>
        <source>Highlight moved to the trash (Ctrl+Z brings it back)</source>
        <translation>نُقل التظليل إلى المهملات (Ctrl+Z يعيده)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="517"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="535"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="536"/>
        <source>Articles (%1)</source>
        <translation>مقالات (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="547"/>
        <source>An import is already running</source>
        <translation>يجري استيراد آخر الآن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="549"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="549"/>
        <location filename="../../reader/ui/main_window.py" line="658"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="550"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="590"/>
        <source>Some files were not imported</source>
        <translation>لم تُستورد بعض الملفات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="592"/>
        <source>Import cancelled</source>
        <translation>أُلغي الاستيراد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="594"/>
        <source>%n article(s) imported</source>
        <translation>
            <numerusform>لم يُستورد أي مقال</numerusform>
            <numerusform>استُورد مقال واحد</numerusform>
            <numerusform>استُورد مقالان</numerusform>
            <numerusform>استُوردت %n مقالات</numerusform>
            <numerusform>استُورد %n مقالًا</numerusform>
            <numerusform>استُورد %n مقال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="615"/>
        <source>Import annotations</source>
        <translation>استيراد التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="616"/>
        <source>Annotations (*.json *.jsonld)</source>
        <translation>تعليقات (*.json *.jsonld)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="631"/>
        <source>%1 added, %2 updated, %3 unchanged, %4 orphan(s)</source>
        <translation>أُضيف %1، حُدّث %2، بلا تغيير %3، يتيمة %4</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="634"/>
        <source>Annotations imported</source>
        <translation>استُوردت التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="643"/>
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="648"/>
        <source>Exported to %1</source>
        <translation>صُدّر إلى %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="655"/>
        <source>Rebuilding the search index…</source>
        <translation>جارٍ إعادة بناء فهرس البحث…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="657"/>
        <source>The search index must be rebuilt (%1).</source>
        <translation>يجب إعادة بناء فهرس البحث (%1).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="659"/>
        <source>Search index</source>
        <translation>فهرس البحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="676"/>
        <source>Rebuilding the search index… %1</source>
        <translation>جارٍ إعادة بناء فهرس البحث… %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="691"/>
        <source>Rebuild cancelled; the search index is as it was</source>
        <translation>أُلغيت إعادة البناء؛ بقي فهرس البحث كما كان</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="693"/>
        <source>Search index rebuilt: %n highlight(s)</source>
        <translation>
            <numerusform>أُعيد بناء فهرس البحث: لا تظليلات</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: تظليل واحد</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: تظليلان</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: %n تظليلات</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: %n تظليلًا</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: %n تظليل</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="729"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="730"/>
        <source>Select text, then press a tag&apos;s key:</source>
        <translation>حدّد نصًا ثم اضغط مفتاح الوسم:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="731"/>
        <source>Ctrl+F find in article · Ctrl+Shift+F search highlights</source>
        <translation>Ctrl+F بحث في المقال · Ctrl+Shift+F بحث في التظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="732"/>
        <source>Ctrl+N highlight with a note · Ctrl+Z / Ctrl+Shift+Z undo / redo</source>
        <translation>Ctrl+N تظليل مع ملاحظة · Ctrl+Z / Ctrl+Shift+Z تراجع / إعادة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="733"/>
        <source>Ctrl+= / Ctrl+- text size · Esc clear the selection</source>
        <translation>Ctrl+= / Ctrl+- حجم النص · Esc إلغاء التحديد</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="26"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="224"/>
        <source>Search highlights: words, tag:company, &quot;a phrase&quot;, pre*</source>
        <translation>ابحث في التظليلات: كلمات، tag:company، &quot;عبارة&quot;، بادئة*</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/panels.py" line="257"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagToolbar</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="80"/>
        <source>Tag the selection as “%1”</source>
        <translation>وسم التحديد بـ «%1»</translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <location filename="../../reader/ui/labels.py" line="12"/>
        <source>company</source>
        <translation>شركة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="13"/>
        <source>figure</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="14"/>
        <source>quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="15"/>
        <source>person</source>
        <translation>شخص</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="68"/>
        <source>Trash</source>
        <translation>المهملات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="78"/>
        <source>The trash is empty.</source>
        <translation>المهملات فارغة.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="82"/>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="83"/>
        <source>Delete for good</source>
        <translation>حذف نهائي</translation>
    </message>
</context>
</TS>
